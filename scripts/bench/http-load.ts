import autocannon from "autocannon";

/** One autocannon run against one URL. Latencies in ms. */
export type LoadResult = {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Share of the static file's rate (1 = as fast as the server serves a file). */
  ratioToStatic: number | null;
};

/**
 * Loads `baseUrl + path` with autocannon for `seconds` with `connections` connections, after a
 * warm-up request (which renders and caches the page). Requests carry no Accept-Encoding, as from
 * a CDN that compresses at the edge: the figure is the server's own cost of a cached page.
 */
export async function load(
  baseUrl: string,
  name: string,
  path: string,
  options: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  for (let i = 0; i < 3; i += 1) {
    const response = await fetch(`${baseUrl}${path}`, { headers: options.headers });
    if (!response.ok) throw new Error(`${path} answered ${response.status} before the load test`);
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // A short untimed run first, so the server's JIT and caches are warm for the timed one.
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
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ratioToStatic: null,
  };
}
