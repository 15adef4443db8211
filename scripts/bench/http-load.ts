import http from "node:http";
import autocannon from "autocannon";

/**
 * What the benchmark's requests ask for (`--encoding`): "browser" sends
 * `Accept-Encoding: gzip, deflate, br`, as every browser does, so Next.js compresses each page
 * itself (`compress: true`); "identity" sends `Accept-Encoding: identity`, as from a CDN that
 * compresses at the edge, and pages come uncompressed.
 */
export type Encoding = "browser" | "identity";

/** The default of `--encoding`: the path readers' browsers take. */
export const DEFAULT_ENCODING: Encoding = "browser";

/** What browsers (Chromium, Firefox, Safari) send over HTTP/1.1. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

/** The `--encoding` option: "browser" (the default, when absent) or "identity". */
export function parseEncoding(value: string | undefined): Encoding {
  if (value === undefined) return DEFAULT_ENCODING;
  if (value === "browser" || value === "identity") return value;
  throw new Error(`--encoding must be "browser" or "identity", not ${JSON.stringify(value)}`);
}

/** The Accept-Encoding every request of a run sends. */
export function acceptEncoding(encoding: Encoding): string {
  return encoding === "browser" ? BROWSER_ACCEPT_ENCODING : "identity";
}

/** The request headers of every request of a run (autocannon's and the probes'). */
export function requestHeaders(encoding: Encoding): Record<string, string> {
  return { "accept-encoding": acceptEncoding(encoding) };
}

/** One response as it came over the wire (not decompressed). */
export type ProbeResult = {
  status: number;
  contentType: string;
  /** The response's Content-Encoding, "" when it had none (identity). */
  contentEncoding: string;
  /** The body's bytes as sent, compressed or not. */
  body: Buffer;
};

/**
 * GETs `url` with exactly `headers` (node:http, unlike fetch, adds no Accept-Encoding of its own
 * and does not decompress), and resolves with the status, the content type and encoding, and the
 * body's bytes as they came over the wire.
 */
export function probe(url: string, headers: Record<string, string>): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers["content-type"] ?? "",
          contentEncoding: response.headers["content-encoding"] ?? "",
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on("error", reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`${url} did not answer in 30 s`)));
  });
}

/** What one URL answered to the run's request headers, just before it was loaded. */
export type ResponseCheck = {
  /** The response's Content-Encoding, "identity" when it had none. */
  contentEncoding: string;
  /** Bytes of the body as sent (compressed when it was). */
  bytes: number;
  contentType: string;
};

/**
 * True when a response should have come compressed and did not: the run asked for compression,
 * and the body is text (HTML, JSON, ...) of at least 1 kB (Next.js's threshold) sent as identity.
 * Images are never compressed, by Next.js or anyone, and are not flagged.
 */
export function missedCompression(encoding: Encoding, response: ResponseCheck): boolean {
  return (
    encoding === "browser" &&
    response.contentEncoding === "identity" &&
    response.bytes >= 1024 &&
    /^(text\/|application\/(json|javascript|xml)|[^;]*\+(json|xml))/.test(response.contentType)
  );
}

/** Autocannon runs against one URL: the median run's figures. Latencies in ms. */
export type LoadResult = {
  name: string;
  path: string;
  /** The Accept-Encoding every request sent (the probe's and autocannon's). */
  acceptEncoding: string;
  /** What the URL answered to those headers, checked before the timed run. */
  response: ResponseCheck;
  requestsPerSecond: number;
  /** Requests per second of every run, in the order they ran. */
  runs: number[];
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /**
   * Share of the static file's rate (1 = as fast as the server serves a file), the static file
   * requested with the same Accept-Encoding.
   */
  ratioToStatic: number | null;
};

type LoadOptions = {
  seconds: number;
  connections: number;
  /** What every request asks for: see {@link Encoding}. */
  encoding: Encoding;
  /** false skips the untimed 3-second run (the target was loaded moments ago). */
  warmUp?: boolean;
};

/**
 * Loads each target `rounds` times, round-robin (the first target, the second, ..., then again
 * from the first), so that a drift in the machine's speed over the minutes touches every target
 * alike, and reports each target's median run: its requests per second, p50 and p99. Errors are
 * summed over all runs. One 10-second run of the same URL varies by 10-15% here, which is as
 * much as a ratio budget's margin. Every request to every target sends the same Accept-Encoding
 * (`options.encoding`), so one target's rate over another's (a page's over the static file's)
 * compares like with like. A target with its own `baseUrl` is loaded from there (the nginx
 * section's static file, served by a server block of its own).
 */
export async function loadInRounds(
  baseUrl: string,
  targets: readonly { name: string; path: string; baseUrl?: string }[],
  options: Omit<LoadOptions, "warmUp"> & { rounds: number; log?: (line: string) => void },
): Promise<LoadResult[]> {
  const runs: LoadResult[][] = targets.map(() => []);
  for (let round = 0; round < options.rounds; round += 1)
    for (const [i, target] of targets.entries()) {
      options.log?.(`autocannon ${target.path} (round ${round + 1} of ${options.rounds})…`);
      runs[i]!.push(
        await load(target.baseUrl ?? baseUrl, target.name, target.path, {
          ...options,
          warmUp: round === 0,
        }),
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
 * Loads `baseUrl + path` with autocannon for `seconds` with `connections` connections, after
 * warm-up requests (which render and cache the page). Every request, the warm-up ones included,
 * sends the Accept-Encoding of `options.encoding` (for "browser", the figure includes the server
 * compressing the page on each request). The last warm-up request's answer is kept in `response`: its
 * Content-Encoding and size show whether the run's responses really came compressed.
 */
export async function load(
  baseUrl: string,
  name: string,
  path: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const headers = requestHeaders(options.encoding);
  let answer: ProbeResult | undefined;
  for (let i = 0; i < 3; i += 1) {
    answer = await probe(`${baseUrl}${path}`, headers);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${path} answered ${answer.status} before the load test`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // A short untimed run first, so the server's JIT and caches are warm for the timed one.
  if (options.warmUp !== false)
    await autocannon({
      url: `${baseUrl}${path}`,
      connections: options.connections,
      duration: Math.min(3, options.seconds),
      headers,
    });
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    connections: options.connections,
    duration: options.seconds,
    headers,
  });
  return {
    name,
    path,
    acceptEncoding: headers["accept-encoding"]!,
    response: {
      contentEncoding: answer!.contentEncoding || "identity",
      bytes: answer!.body.length,
      contentType: answer!.contentType,
    },
    requestsPerSecond: result.requests.average,
    runs: [result.requests.average],
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ratioToStatic: null,
  };
}
