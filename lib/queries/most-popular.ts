import { sql } from "kysely";
import type { DB } from "../db/connection";
import type { MostPopularWindow, Rail, RailItem } from "../domain";
import { articlePath, isPublic } from "./article-rows";

const HOUR_MS = 3_600_000;

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
 */
export async function getMostViewed(
  db: DB,
  limit: number,
  window: Exclude<MostPopularWindow, "newest">,
  now: string,
): Promise<RailItem[]> {
  const ms = POPULARITY_WINDOWS.find((w) => w.window === window)?.ms ?? null;
  let query = db
    .selectFrom("page_views as v")
    .innerJoin("articles as a", "a.id", "v.article_id")
    .select(["a.id", "a.slug", "a.headline", "a.published_at", sql<number>`count(*)`.as("views")])
    .where(isPublic(now))
    .where("v.viewed_at", "<=", now);
  if (ms !== null)
    query = query.where("v.viewed_at", ">", new Date(Date.parse(now) - ms).toISOString());
  const rows = await query
    .groupBy("a.id")
    .orderBy("views", "desc")
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toRailItem);
}

/**
 * MOST POPULAR: the `limit` public stories with the most page views, ranked by views in the last
 * 24 hours; when fewer than `limit` stories were viewed in that window, the next wider window is
 * used (7 days, 30 days, all time); when even all time has too few, the viewed stories come first
 * and the newest stories fill the rest, so the rail of a new site is never empty. Ties go to the
 * newer story. `now` is an ISO 8601 UTC instant. The result's `window` names the window used
 * ("newest" when no story has any view).
 */
export async function getMostPopular(db: DB, limit: number, now: string): Promise<Rail> {
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
