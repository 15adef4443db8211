import autocannon from "autocannon";

/** Autocannon runs against one URL: the median run's figures. Latencies in ms. */
export type LoadResult = {
  name: string;
  path: string;
  requestsPerSecond: number;
  /** Requests per second of every run, in the order they ran. */
  runs: number[];
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Share of the static file's rate (1 = as fast as the server serves a file). */
  ratioToStatic: number | null;
};

type LoadOptions = {
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  /** false skips the untimed 3-second run (the target was loaded moments ago). */
  warmUp?: boolean;
};

/**
 * Loads each target `rounds` times, round-robin (the first target, the second, ..., then again
 * from the first), so that a drift in the machine's speed over the minutes touches every target
 * alike, and reports each target's median run: its requests per second, p50 and p99. Errors are
 * summed over all runs. One 10-second run of the same URL varies by 10-15% here, which is as
 * much as a ratio budget's margin.
 */
export async function loadInRounds(
  baseUrl: string,
  targets: readonly { name: string; path: string }[],
  options: Omit<LoadOptions, "warmUp"> & { rounds: number; log?: (line: string) => void },
): Promise<LoadResult[]> {
  const runs: LoadResult[][] = targets.map(() => []);
  for (let round = 0; round < options.rounds; round += 1)
    for (const [i, target] of targets.entries()) {
      options.log?.(`autocannon ${target.path} (round ${round + 1} of ${options.rounds})…`);
      runs[i]!.push(
        await load(baseUrl, target.name, target.path, { ...options, warmUp: round === 0 }),
      );
    }
  return runs.map(combineRuns);
}

/**
 * One result from several runs of the same URL (at least one): the median run by requests per
 * second (of an even count, the slower of the middle two) with its p50 and p99, every run's rate
 * in the order given, and the errors and non-2xx answers of all runs added up.
 */
export function combineRuns(all: LoadResult[]): LoadResult {
  if (all.length === 0) throw new Error("combineRuns needs at least one run");
  const sorted = [...all].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    ...median,
    runs: all.map((run) => run.requestsPerSecond),
    errors: all.reduce((sum, run) => sum + run.errors, 0),
    non2xx: all.reduce((sum, run) => sum + run.non2xx, 0),
  };
}

/**
 * Loads `baseUrl + path` with autocannon for `seconds` with `connections` connections, after a
 * warm-up request (which renders and caches the page). Requests carry no Accept-Encoding, as from
 * a CDN that compresses at the edge: the figure is the server's own cost of a cached page.
 */
export async function load(
  baseUrl: string,
  name: string,
  path: string,
  options: LoadOptions,
): Promise<LoadResult> {
  for (let i = 0; i < 3; i += 1) {
    const response = await fetch(`${baseUrl}${path}`, { headers: options.headers });
    if (!response.ok) throw new Error(`${path} answered ${response.status} before the load test`);
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // A short untimed run first, so the server's JIT and caches are warm for the timed one.
  if (options.warmUp !== false)
    await autocannon({
      url: `${baseUrl}${path}`,
      connections: options.connections,
      duration: Math.min(3, options.seconds),
      headers: options.headers,
    });
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
  });
  return {
    name,
    path,
    requestsPerSecond: result.requests.average,
    runs: [result.requests.average],
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ratioToStatic: null,
  };
}
