import type { DB } from "../../lib/db/connection";
import { getArticleById, getLatest, getRelatedArticles } from "../../lib/queries/articles";
import { getLatestRail, getMostPopular } from "../../lib/queries/most-popular";
import { getSectionFront } from "../../lib/queries/section-front";
import { getSectionTree } from "../../lib/queries/sections";
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
  db: DB,
  now: string,
  options: { calls: number; deepPage: number; log?: (line: string) => void },
): Promise<{ timings: Timing[]; deepFront: { path: string; before: number; page: number } }> {
  const log = options.log ?? (() => undefined);
  const random = createRandom(7);
  const tree = await getSectionTree(db);
  const fronts = tree.flatMap((top) => [
    { section: top, parent: null },
    ...top.children.map((child) => ({ section: child, parent: top })),
  ]);
  const { max } = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.max("id").as("max"))
    .executeTakeFirstOrThrow();
  const randomId = () => 1 + Math.floor(random() * Number(max));

  // A cursor `deepPage` pages into the biggest front, found by walking it once (untimed).
  const national = fronts[0]!;
  log(`walking ${options.deepPage} pages into ${national.section.path} for a deep cursor…`);
  let cursor: number | null = null;
  let reached = 1;
  for (; reached < options.deepPage; reached += 1) {
    const front = await getSectionFront(db, national, cursor, now);
    if (!front?.older) break;
    cursor = front.older.before;
  }
  if (cursor === null || reached < options.deepPage)
    throw new Error(
      `${national.section.path} has fewer than ${options.deepPage} pages: use --deep-page`,
    );
  const deep = cursor;
  // Deep cursors for every front, a few pages in, so the timed calls vary the section too.
  const deepCursors = await Promise.all(
    fronts.map(async (f) => (await getSectionFront(db, f, null, now))?.older?.before ?? null),
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
  await step("section front, page 1", (i) =>
    getSectionFront(db, fronts[i % fronts.length]!, null, now),
  );
  const second = (await getSectionFront(db, national, null, now))?.older?.before ?? null;
  await step(`section front, page 2 (${national.section.path})`, () =>
    getSectionFront(db, national, second, now),
  );
  await step(`section front, page ${options.deepPage} (${national.section.path})`, () =>
    getSectionFront(db, national, deep, now),
  );
  await step("section front, page 2 of each front", (i) =>
    getSectionFront(db, fronts[i % fronts.length]!, deepCursors[i % fronts.length] ?? null, now),
  );
  await step("latest (10)", () => getLatest(db, 10, now));
  await step("latest rail (10)", () => getLatestRail(db, 10, now));
  await step("most popular (10), stored ranking", () => getMostPopular(db, 10, now));
  await step(
    "most popular (10), ranked afresh",
    async () => {
      await db.deleteFrom("most_read").execute();
      return getMostPopular(db, 10, now);
    },
    Math.max(5, Math.floor(options.calls / 50)),
  );
  await step("article by id", () => getArticleById(db, randomId(), now));
  await step("related articles (6), with loading the article", async () => {
    const article = await getArticleById(db, randomId(), now);
    return article ? getRelatedArticles(db, article, 6, now) : [];
  });
  return {
    timings,
    deepFront: { path: national.section.path, before: deep, page: options.deepPage },
  };
}
