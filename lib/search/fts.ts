import { sql } from "kysely";
import type { DB } from "../db/connection";
import { isPublic } from "../queries/article-rows";

/**
 * The reads of the FTS5 index: the one module (with index-sync.ts for the writes) that speaks
 * SQLite's full-text dialect. The rest is Kysely, so on PostgreSQL only this would change
 * (to a tsvector `@@` match and ts_rank_cd).
 */

/**
 * bm25 weights of the indexed columns: headline, standfirst, body, tags, author names; the facet
 * words (section, year, month) weigh nothing.
 */
export const COLUMN_WEIGHTS = [10, 4, 1, 5, 3, 0] as const;
const BM25 = sql<number>`bm25(article_search, ${sql.raw(COLUMN_WEIGHTS.join(", "))})`;

/** Marks the index's facet words (migration 0004-search): U+E000, which no query can contain. */
const FACET = "\uE000";
const facet = (word: string) => `"${FACET}${word}"`;
const anyOf = (words: string[]) => `(${words.join(" OR ")})`;

/** Earliest KST day a date filter reaches back to (lib/search/params.ts accepts no earlier year). */
const EPOCH_DAY = "1900-01-01";

/**
 * Facet words covering the KST days `from`…`to` ("YYYY-MM-DD", inclusive): whole years as year
 * words, the rest as month words. A superset of the range; the exact bounds are checked in SQL.
 */
export function dateFacets(from: string, to: string): string[] {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const words: string[] = [];
  for (let y = fy; y <= ty; y += 1) {
    const first = y === fy ? fm : 1;
    const last = y === ty ? tm : 12;
    if (first === 1 && last === 12) words.push(facet(`y${y}`));
    else
      for (let m = first; m <= last; m += 1)
        words.push(facet(`m${y}${String(m).padStart(2, "0")}`));
  }
  return words;
}

/** "YYYY-MM-DD" (a KST calendar day) → the UTC instant that day starts, ISO 8601. */
export function kstDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+09:00`)).toISOString();
}

/** The KST calendar day of an instant, "YYYY-MM-DD". */
export function kstDay(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);
}

type Search = { article_search: { rowid: number; article_search: string } };

/** Filters on the articles behind the matches: section ids, and KST days (inclusive). */
export type CandidateFilters = {
  sectionIds?: readonly number[] | null;
  /** First day, "YYYY-MM-DD" in KST. */
  from?: string | null;
  /** Last day, "YYYY-MM-DD" in KST. */
  to?: string | null;
};

export type Candidate = {
  id: number;
  headline: string;
  published_at: string | null;
  /** SQLite's bm25 with COLUMN_WEIGHTS: lower (more negative) is more relevant. */
  bm25: number;
};

/**
 * The newest `limit` public articles (by id, which follows import order) that match `match` (an
 * FTS5 expression from lib/search/query.ts, never raw reader input) and the filters, each with
 * its bm25 score. FTS5 walks the matches newest first and stops at `limit`, so the cost is
 * bounded however common the words are; `isPublic(now)` decides visibility, whatever the index
 * holds. Section and date filters are applied twice: as facet words inside the match (so FTS5
 * skips what they exclude) and exactly, in SQL. With `headlineOnly` only headline matches count.
 */
export async function findCandidates(
  db: DB,
  match: string,
  now: string,
  filters: CandidateFilters,
  limit: number,
  options: { headlineOnly?: boolean } = {},
): Promise<Candidate[]> {
  const parts = [options.headlineOnly ? `headline : (${match})` : `(${match})`];
  if (filters.sectionIds && filters.sectionIds.length > 0)
    parts.push(anyOf(filters.sectionIds.map((id) => facet(`s${id}`))));
  if (filters.from || filters.to) {
    // Nothing after `now` is public, so the facets never need to reach past today.
    const today = kstDay(now);
    const to = filters.to && filters.to < today ? filters.to : today;
    const from = filters.from && filters.from > EPOCH_DAY ? filters.from : EPOCH_DAY;
    if (from > to) return [];
    parts.push(anyOf(dateFacets(from, to)));
  }
  const expression = parts.join(" AND ");
  let query = db
    .withTables<Search>()
    .selectFrom("article_search")
    .innerJoin("articles as a", "a.id", "article_search.rowid")
    .select(["a.id", "a.headline", "a.published_at", BM25.as("bm25")])
    .where(sql<boolean>`article_search match ${expression}`)
    .where(isPublic(now));
  if (filters.sectionIds) query = query.where("a.section_id", "in", [...filters.sectionIds]);
  if (filters.from) query = query.where("a.published_at", ">=", kstDayStart(filters.from));
  if (filters.to)
    query = query.where(
      "a.published_at",
      "<",
      new Date(Date.parse(kstDayStart(filters.to)) + 86_400_000).toISOString(),
    );
  return query.orderBy("article_search.rowid", "desc").limit(limit).execute();
}
