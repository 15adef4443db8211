import type { DB } from "../db";
import { isPublic } from "../queries/article-rows";
import { kstDayStart } from "./facets";
import type { IndexQuery, SearchIndex } from "./search-index";
import { tokenize } from "../../../search/query";

/**
 * The candidates of a search (lib/news/sql/queries/search.ts ranks them): the newest public articles
 * matching the query and its filters, and any whose headline reads exactly as the query.
 */

const DAY_MS = 86_400_000;

/** Ids asked of the index at a time, for `limit` public candidates (nearly every match is public). */
const chunkFor = (limit: number) => Math.ceil(limit * 1.1);
/** The least asked at a time with a date range, whose rounds must be able to skip a month. */
const CHUNK_WITH_DATES = 600;
/** Most rounds of ids asked of the index (a long run of non-public matches stops there). */
const MAX_ROUNDS = 4;
/**
 * Rounds with a date range: dates are month words in the index, so the stories of a partly
 * covered month that fall outside the range are read and dropped, up to a month of stories
 * (16 rounds of CHUNK_WITH_DATES ids: about 9,600, more than a month at a million stories).
 */
const MAX_ROUNDS_WITH_DATES = 16;
/** The filters of a search: section ids (with subsections), first and last KST day. */
export type Filters = { sectionIds: number[] | null; from: string | null; to: string | null };

/** What ranking needs of a candidate. */
export type Candidate = {
  id: number;
  headline: string;
  standfirst: string;
  published_at: string | null;
};

/**
 * The newest `limit` public articles matching `query` in `index` and the filters (exactly, in SQL:
 * the facet words in `query` only narrow the index's walk), newest first. Asks the index for
 * ids a chunk at a time and keeps those `isPublic(now)` allows. `complete` is false when it
 * stopped after MAX_ROUNDS chunks (a very long run of non-public matches) with fewer than `limit`.
 */
export async function publicCandidates(
  db: DB,
  index: SearchIndex,
  query: IndexQuery,
  filters: Filters,
  now: string,
  limit: number,
): Promise<{ rows: Candidate[]; complete: boolean }> {
  const rows: Candidate[] = [];
  let below: number | null = null;
  const dated = Boolean(filters.from || filters.to);
  const rounds = dated ? MAX_ROUNDS_WITH_DATES : MAX_ROUNDS;
  const chunk = dated ? Math.max(CHUNK_WITH_DATES, chunkFor(limit)) : chunkFor(limit);
  for (let round = 0; round < rounds; round += 1) {
    const ids = await index.matchingIds(db, query, chunk, below);
    if (ids.length === 0) return { rows, complete: true };
    rows.push(...(await candidateRows(db, ids, filters, now)));
    if (rows.length >= limit || ids.length < chunk)
      return { rows: rows.slice(0, limit), complete: true };
    below = ids[ids.length - 1]!;
  }
  return { rows, complete: false };
}

/** Of `ids`, the public articles that pass the filters (exactly, in SQL), highest id first. */
async function candidateRows(
  db: DB,
  ids: number[],
  filters: Filters,
  now: string,
): Promise<Candidate[]> {
  let query = db
    .selectFrom("articles as a")
    .select(["a.id", "a.headline", "a.standfirst", "a.published_at"])
    .where("a.id", "in", ids)
    .where(isPublic(now));
  if (filters.sectionIds) query = query.where("a.section_id", "in", filters.sectionIds);
  if (filters.from) query = query.where("a.published_at", ">=", kstDayStart(filters.from));
  if (filters.to)
    query = query.where(
      "a.published_at",
      "<",
      new Date(Date.parse(kstDayStart(filters.to)) + DAY_MS).toISOString(),
    );
  return query.orderBy("a.id", "desc").execute();
}

/** Headlines starting with the query's words that are checked for an exact match, newest first. */
const EXACT_HEADLINE_LOOKUP = 50;

/**
 * Public stories passing the filters whose headline reads exactly as the query (`exactText`:
 * its tokens joined by spaces), other than those already in `pool`. They rank first (issue 7)
 * even when older than the newest matches a search ranks, so they are looked up on their own in
 * the small headline index (a phrase anchored at the headline's start: about 1-5 ms at a million
 * stories). Such a headline holds every word, so it matches the query.
 */
export async function exactHeadlineRows(
  db: DB,
  index: SearchIndex,
  exactText: string,
  pool: readonly Candidate[],
  filters: Filters,
  now: string,
): Promise<Candidate[]> {
  const inPool = new Set(pool.map((c) => c.id));
  const ids = (
    await index.headlineStartIds(db, exactText.split(" "), EXACT_HEADLINE_LOOKUP)
  ).filter((id) => !inPool.has(id));
  if (ids.length === 0) return [];
  const rows = await candidateRows(db, ids, filters, now);
  return rows.filter((r) => tokenize(r.headline).join(" ") === exactText);
}
