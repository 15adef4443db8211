import type { BenchmarkStore } from "../../lib/news/bench";
import { createRandom } from "./generator";

/** Latency of one data-layer call, over many calls: milliseconds. */
export type Timing = { name: string; calls: number; p50: number; p99: number; max: number };

/** The q-quantile (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Calls `run(i)` `calls` times after `warmup` untimed calls; returns p50/p99/max in ms. */
export async function time(
  name: string,
  calls: number,
  run: (i: number) => Promise<unknown>,
  warmup = 20,
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    name,
    calls,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    max: samples.at(-1) ?? 0,
  };
}

/**
 * Times the queries pages are built from, straight against the database (no page cache), each
 * over `calls` calls with inputs varied by a seeded PRNG: section fronts (first page, and a page
 * about `deepPage` pages deep reached by its cursor), latest, MOST POPULAR (stored ranking, and
 * computing it afresh), related articles and article by id. `now` is ISO 8601 UTC.
 * Returns the timings and the deep cursors used, so the HTTP benchmark can load the same pages.
 */
export async function timeDataLayer(
  bench: BenchmarkStore,
  now: string,
  options: { calls: number; deepPage: number; log?: (line: string) => void },
): Promise<{ timings: Timing[]; deepFront: { path: string; before: number; page: number } }> {
  const log = options.log ?? (() => undefined);
  const random = createRandom(7);
  const { store } = bench;
  const tree = await store.sectionTree();
  const fronts = tree.flatMap((top) => [
    { path: top.path, segments: [top.slug] },
    ...top.children.map((child) => ({ path: child.path, segments: [top.slug, child.slug] })),
  ]);
  const max = await bench.maxArticleId();
  const randomId = () => 1 + Math.floor(random() * max);
  const page = (front: (typeof fronts)[number], before: number | null) =>
    store.sectionFront(front.segments, before, now);

  // A cursor `deepPage` pages into the biggest front, found by walking it once (untimed).
  const national = fronts[0]!;
  log(`walking ${options.deepPage} pages into ${national.path} for a deep cursor…`);
  let cursor: number | null = null;
  let reached = 1;
  for (; reached < options.deepPage; reached += 1) {
    const front = await page(national, cursor);
    if (!front?.older) break;
    cursor = front.older.before;
  }
  if (cursor === null || reached < options.deepPage)
    throw new Error(`${national.path} has fewer than ${options.deepPage} pages: use --deep-page`);
  const deep = cursor;
  // Deep cursors for every front, a few pages in, so the timed calls vary the section too.
  const deepCursors = await Promise.all(
    fronts.map(async (f) => (await page(f, null))?.older?.before ?? null),
  );

  const timings: Timing[] = [];
  const step = async (
    name: string,
    run: (i: number) => Promise<unknown>,
    calls = options.calls,
  ) => {
    log(`timing ${name}…`);
    timings.push(await time(name, calls, run));
  };
  await step("section front, page 1", (i) => page(fronts[i % fronts.length]!, null));
  const second = (await page(national, null))?.older?.before ?? null;
  await step(`section front, page 2 (${national.path})`, () => page(national, second));
  await step(`section front, page ${options.deepPage} (${national.path})`, () =>
    page(national, deep),
  );
  await step("section front, page 2 of each front", (i) =>
    page(fronts[i % fronts.length]!, deepCursors[i % fronts.length] ?? null),
  );
  await step("latest (10)", () => store.latest(10, now));
  await step("latest rail (10)", () => store.latestRail(10, now));
  await step("most popular (10), stored ranking", () => store.mostPopularRail(10, now));
  await step(
    "most popular (10), ranked afresh",
    async () => {
      await bench.forgetRanking();
      return store.mostPopularRail(10, now);
    },
    Math.max(5, Math.floor(options.calls / 50)),
  );
  await step("article by id", () => store.article(randomId(), now));
  await step("related articles (6), with loading the article", () =>
    store.related(randomId(), 6, now),
  );
  return {
    timings,
    deepFront: { path: national.path, before: deep, page: options.deepPage },
  };
}
