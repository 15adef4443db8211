import { probe, requestHeaders, type Encoding } from "./http-load";
import { quantile } from "./data-layer";

/** How fast pages render when none is cached: distinct URLs, each requested once. */
export type UncachedResult = {
  /** What served them: "SQLite, one instance" and the like. */
  name: string;
  instances: number;
  requests: number;
  concurrency: number;
  /** Pages rendered per second, over the whole run. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Requests that failed or answered other than 2xx. */
  errors: number;
};

/**
 * Requests each of `paths` once, `concurrency` at a time, the i-th from `origins[i % n]` (two
 * instances share the walk alike), with the Accept-Encoding of `encoding`; every path must not
 * be cached yet, so each answer is a render (the article page reading the database). Resolves
 * with the rate over the whole run and the latencies (ms).
 */
export async function loadUncached(
  name: string,
  origins: readonly string[],
  paths: readonly string[],
  options: { concurrency: number; encoding: Encoding },
): Promise<UncachedResult> {
  const headers = requestHeaders(options.encoding);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      const started = performance.now();
      const answer = await probe(`${origins[i % origins.length]}${paths[i]}`, headers).catch(
        () => null,
      );
      latencies.push(performance.now() - started);
      if (!answer || answer.status < 200 || answer.status > 299) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    instances: origins.length,
    requests: paths.length,
    concurrency: options.concurrency,
    requestsPerSecond: paths.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors,
  };
}

/**
 * `count` ids spread evenly over first..last (old stories and new, as a crawler or a reader
 * arriving from search walks them), without `skip` (pages already cached by earlier runs).
 */
export function spreadIds(first: number, last: number, count: number, skip: number[] = []) {
  const ids = new Set<number>();
  const span = last - first + 1;
  const n = Math.min(count, span);
  for (let i = 0; i < n; i += 1) ids.add(first + Math.floor((i * span) / n));
  for (const id of skip) ids.delete(id);
  return [...ids];
}
