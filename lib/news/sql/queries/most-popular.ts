import { sql } from "kysely";
import type { DB } from "../db";
import type { MostPopularWindow, Rail, RailItem } from "../../../domain";
import { isPublic, newestFirst } from "./article-rows";
import { articlePath } from "../../../urls";

const HOUR_MS = 3_600_000;
/** Most stories a ranking round looks up (see getMostViewed). */
const MAX_CANDIDATES = 3_200;

type RailRow = {
  id: number;
  slug: string;
  headline: string;
  published_at: string | null;
  views?: number;
};

const toRailItem = (r: RailRow): RailItem => ({
  id: r.id,
  path: articlePath(r.id, r.slug),
  headline: r.headline,
  publishedAt: r.published_at ?? "",
  views: r.views ?? null,
});

/** Of the stories `ids`, those public at `now`, with what a rail item shows (in no order). */
function publicRailRows(db: DB, ids: number[], now: string): Promise<RailRow[]> {
  return db
    .selectFrom("articles as a")
    .select(["a.id", "a.slug", "a.headline", "a.published_at"])
    .where("a.id", "in", ids)
    .where(isPublic(now))
    .execute();
}

/** The windows MOST POPULAR tries in turn, narrowest first. */
export const POPULARITY_WINDOWS: ReadonlyArray<{
  window: Exclude<MostPopularWindow, "newest">;
  ms: number | null;
}> = [
  { window: "24h", ms: 24 * HOUR_MS },
  { window: "7d", ms: 7 * 24 * HOUR_MS },
  { window: "30d", ms: 30 * 24 * HOUR_MS },
  { window: "all", ms: null },
];

/**
 * The `limit` public stories with the most page views in one window (views after `now - window`
 * and up to `now`; "all" has no lower bound), most viewed first, ties to the newer story. Only
 * stories with at least one view in the window are returned. `now`: ISO 8601 UTC.
 * Views are counted per article from the index on (viewed_at, article_id) alone, and only the
 * most viewed are then looked up and checked with isPublic: joining every view to its article
 * first costs a random read per view (over a second for 10 million views).
 */
export async function getMostViewed(
  db: DB,
  limit: number,
  window: Exclude<MostPopularWindow, "newest">,
  now: string,
): Promise<RailItem[]> {
  const ms = POPULARITY_WINDOWS.find((w) => w.window === window)?.ms ?? null;
  // Candidates: the most viewed ids, more than needed since some may not be public; when too
  // many of them are not, or too many tie at the cut, ask for more, up to MAX_CANDIDATES (an
  // `in (…)` list must stay far below SQLite's 32,766 parameters). Past that, ties at the cut are
  // broken among the candidates only.
  for (let candidates = Math.min(limit * 5, MAX_CANDIDATES); ; candidates *= 4) {
    candidates = Math.min(candidates, MAX_CANDIDATES);
    let counts = db
      .selectFrom("page_views as v")
      .select(["v.article_id", sql<number>`count(*)`.as("views")])
      .where("v.viewed_at", "<=", now);
    if (ms !== null)
      counts = counts.where("v.viewed_at", ">", new Date(Date.parse(now) - ms).toISOString());
    const top = await counts
      .groupBy("v.article_id")
      .orderBy("views", "desc")
      .limit(candidates)
      .execute();
    if (top.length === 0) return [];
    const rows = await publicRailRows(
      db,
      top.map((t) => t.article_id),
      now,
    );
    const views = new Map(top.map((t) => [t.article_id, t.views]));
    // A story just past the candidates may tie with the last one, so the list is cut below the
    // lowest count taken unless every viewed story was a candidate.
    const exhausted = top.length < candidates || candidates >= MAX_CANDIDATES;
    const floor = exhausted ? 0 : (top.at(-1)?.views ?? 0);
    const ranked = rows
      .map((r) => ({ ...r, views: views.get(r.id) ?? 0 }))
      .sort((a, b) => b.views - a.views || newestFirst(a, b));
    const sure = ranked.filter((r) => r.views > floor);
    if (sure.length >= limit || exhausted)
      return (exhausted ? ranked : sure).slice(0, limit).map(toRailItem);
  }
}

/** How long a MOST POPULAR ranking is reused before it is computed again. */
export const MOST_READ_MAX_AGE_MS = 5 * 60_000;

/**
 * MOST POPULAR: the `limit` public stories with the most page views, ranked by views in the last
 * 24 hours; when fewer than `limit` stories were viewed in that window, the next wider window is
 * used (7 days, 30 days, all time); when even all time has too few, the viewed stories come first
 * and the newest stories fill the rest, so the rail of a new site is never empty. Ties go to the
 * newer story. `now` is an ISO 8601 UTC instant. The result's `window` names the window used
 * ("newest" when no story has any view).
 *
 * The ranking is stored (table `most_read`) and reused for {@link MOST_READ_MAX_AGE_MS}: ranking
 * ten million views costs a few hundred milliseconds, reading a stored one a fraction of one.
 * A reused ranking describes its own instant, at most five minutes old, but every story in it is
 * checked against `now`: one withdrawn since makes it be computed afresh.
 */
export async function getMostPopular(db: DB, limit: number, now: string): Promise<Rail> {
  const stored = await db
    .selectFrom("most_read")
    .selectAll()
    .where("list_size", "=", limit)
    .executeTakeFirst();
  const age = stored ? Date.parse(now) - Date.parse(stored.computed_at) : NaN;
  if (stored && age >= 0 && age < MOST_READ_MAX_AGE_MS) {
    const rail = await reuseRanking(db, stored.window, stored.items_json, now);
    if (rail) return rail;
  }
  const rail = await rankMostPopular(db, limit, now);
  const row = {
    computed_at: now,
    window: rail.window ?? "newest",
    items_json: JSON.stringify(rail.items.map((i) => ({ id: i.id, views: i.views }))),
  };
  try {
    await db
      .insertInto("most_read")
      .values({ list_size: limit, ...row })
      .onConflict((oc) => oc.column("list_size").doUpdateSet(row))
      .execute();
  } catch {
    // Storing is an optimisation: when the database is busy (an import holds the write lock) or
    // read-only, the reader still gets the ranking just computed.
  }
  return rail;
}

/** A stored ranking with each story's current headline, or null if any is no longer public. */
async function reuseRanking(
  db: DB,
  window: Rail["window"],
  itemsJson: string,
  now: string,
): Promise<Rail | null> {
  const ranked = JSON.parse(itemsJson) as Array<{ id: number; views: number | null }>;
  if (ranked.length === 0) return null;
  const rows = await publicRailRows(
    db,
    ranked.map((r) => r.id),
    now,
  );
  if (rows.length !== ranked.length) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    window,
    items: ranked.map((r) => toRailItem({ ...byId.get(r.id)!, views: r.views ?? undefined })),
  };
}

/** Computes MOST POPULAR from the page views (see {@link getMostPopular}). */
async function rankMostPopular(db: DB, limit: number, now: string): Promise<Rail> {
  let best: Rail = { items: [], window: "newest" };
  for (const { window } of POPULARITY_WINDOWS) {
    best = { window, items: await getMostViewed(db, limit, window, now) };
    if (best.items.length >= limit) return best;
  }
  const seen = best.items.map((i) => i.id);
  let fill = db
    .selectFrom("articles as a")
    .select(["a.id", "a.slug", "a.headline", "a.published_at"])
    .where(isPublic(now));
  if (seen.length > 0) fill = fill.where("a.id", "not in", seen);
  const newest = await fill
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit - best.items.length)
    .execute();
  return {
    window: best.items.length > 0 ? best.window : "newest",
    items: [...best.items, ...newest.map(toRailItem)],
  };
}

/** LATEST NEWS as a rail: the `limit` newest public stories with their times. */
export async function getLatestRail(db: DB, limit: number, now: string): Promise<Rail> {
  const rows = await db
    .selectFrom("articles as a")
    .select(["a.id", "a.slug", "a.headline", "a.published_at"])
    .where(isPublic(now))
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return {
    window: null,
    items: rows.map(toRailItem),
  };
}
