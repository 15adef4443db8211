import { sql } from "kysely";
import type { DB } from "../connection";

/**
 * The reads of the FTS5 indexes: the one module (with index-sync.ts for the writes) that speaks
 * SQLite's full-text dialect; it only ever returns article ids. Everything else (visibility,
 * filters, ranking) is Kysely and TypeScript, so on PostgreSQL only this would change (to a
 * tsvector `@@` match).
 */

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

/** Filters on the articles behind the matches: section ids, and KST days (inclusive). */
export type CandidateFilters = {
  sectionIds?: readonly number[] | null;
  /** First day, "YYYY-MM-DD" in KST. */
  from?: string | null;
  /** Last day, "YYYY-MM-DD" in KST. */
  to?: string | null;
};

/**
 * The full FTS5 expression for a reader's match (from lib/search/query.ts, never raw input) and
 * the filters, which become facet words (a superset of what they allow; the exact bounds are
 * checked in SQL). Returns null when the filters can match nothing (a range after today).
 */
export function filteredMatch(
  match: string,
  filters: CandidateFilters,
  now: string,
): string | null {
  const parts = [`(${match})`];
  if (filters.sectionIds && filters.sectionIds.length > 0)
    parts.push(anyOf(filters.sectionIds.map((id) => facet(`s${id}`))));
  if (filters.from || filters.to) {
    // Nothing after `now` is public, so the facets never need to reach past today.
    const today = kstDay(now);
    const to = filters.to && filters.to < today ? filters.to : today;
    const from = filters.from && filters.from > EPOCH_DAY ? filters.from : EPOCH_DAY;
    if (from > to) return null;
    parts.push(anyOf(dateFacets(from, to)));
  }
  return parts.join(" AND ");
}

/**
 * Ids of up to `limit` indexed articles matching `expression`, newest (highest id) first, below
 * `below` when given. FTS5 walks the doclists in id order and stops at `limit`, so the cost is
 * bounded however common the words are. Says nothing about visibility: filter with isPublic.
 */
export async function matchingIds(
  db: DB,
  expression: string,
  limit: number,
  below: number | null = null,
): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select rowid as id from article_search
    where article_search match ${expression} ${below === null ? sql`` : sql`and rowid < ${below}`}
    order by rowid desc limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Ids of up to `limit` articles whose headline matches `match`, newest first, from the small
 * headline index with its prefix indexes (suggestions while typing). Visibility: filter with isPublic.
 */
export async function headlineMatchIds(db: DB, match: string, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select rowid as id from article_headlines
    where article_headlines match ${match} order by rowid desc limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Ids of up to `limit` articles whose headline starts with `tokens` (folded words, in order; from
 * lib/search/query.ts, never raw input), newest first, from the headline index: the stories whose
 * headline may read exactly as a query. Visibility: filter with isPublic.
 */
export async function headlineStartIds(
  db: DB,
  tokens: readonly string[],
  limit: number,
): Promise<number[]> {
  if (tokens.length === 0) return [];
  const phrase = `^"${tokens.join(" ").replaceAll('"', '""')}"`;
  const { rows } = await sql<{ id: number }>`select rowid as id from article_headlines
    where article_headlines match ${phrase} order by rowid desc limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}
