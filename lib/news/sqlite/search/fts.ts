import { sql } from "kysely";
import type { IndexQuery, SearchIndex } from "../../sql/search/search-index";
import type { SearchTerm } from "../../../search/query";

/**
 * The reads of the FTS5 indexes: the one module (with index-sync.ts for the writes) that speaks
 * SQLite's full-text dialect; it only ever returns article ids. Everything else (visibility,
 * filters, ranking) is Kysely and TypeScript in lib/news/sql/, shared with PostgreSQL.
 */

/** One FTS5 string ("a b", with any `"` doubled), plus `*` for a prefix: never FTS5 syntax. */
const ftsString = (term: SearchTerm) => {
  const quoted = `"${term.tokens.join(" ").replaceAll('"', '""')}"`;
  return term.prefix ? `${quoted} *` : quoted;
};
const quoted = (word: string) => `"${word.replaceAll('"', '""')}"`;
const anyOf = (words: readonly string[]) => `(${words.map(quoted).join(" OR ")})`;

/** The FTS5 expression of every term, AND-ed. */
export const termsMatch = (terms: readonly SearchTerm[]) => terms.map(ftsString).join(" ");

/** The full FTS5 expression of a query: its terms and, as facet words, its filters. */
export function ftsExpression(query: IndexQuery): string {
  const parts = [`(${termsMatch(query.terms)})`];
  if (query.sections) parts.push(anyOf(query.sections));
  if (query.dates) parts.push(anyOf(query.dates));
  return parts.join(" AND ");
}

/** The SQLite backend's full-text index: FTS5 (migration 0004-search). */
export const ftsSearchIndex: SearchIndex = {
  /**
   * FTS5 walks the doclists in id order and stops at `limit`, so the cost is bounded however
   * common the words are.
   */
  async matchingIds(db, query, limit, below) {
    const { rows } = await sql<{ id: number }>`select rowid as id from article_search
      where article_search match ${ftsExpression(query)} ${below === null ? sql`` : sql`and rowid < ${below}`}
      order by rowid desc limit ${limit}`.execute(db);
    return rows.map((r) => r.id);
  },
  /** From the small headline index with its prefix indexes. */
  async headlineMatchIds(db, terms, limit) {
    const { rows } = await sql<{ id: number }>`select rowid as id from article_headlines
      where article_headlines match ${termsMatch(terms)} order by rowid desc limit ${limit}`.execute(
      db,
    );
    return rows.map((r) => r.id);
  },
  /** A phrase anchored at the headline's start (`^"…"`). */
  async headlineStartIds(db, tokens, limit) {
    if (tokens.length === 0) return [];
    const phrase = `^"${tokens.join(" ").replaceAll('"', '""')}"`;
    const { rows } = await sql<{ id: number }>`select rowid as id from article_headlines
      where article_headlines match ${phrase} order by rowid desc limit ${limit}`.execute(db);
    return rows.map((r) => r.id);
  },
};
