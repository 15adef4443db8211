import type { DB } from "../db";
import type { SearchTerm } from "../../../search/query";

/**
 * What a search asks of a backend's full-text index: the reader's words (lib/search/query.ts,
 * already tokenized and folded by our own code) and the filters as facet words (facets.ts). The
 * index only narrows: the exact filters and who may see what are checked in SQL afterwards.
 */
export type IndexQuery = {
  /** Every term must match (a term of several tokens is a phrase; `prefix`: the last is a prefix). */
  terms: readonly SearchTerm[];
  /** Facet words of which one must match (sections), or null for no section filter. */
  sections: readonly string[] | null;
  /** Facet words of which one must match (years and months), or null for no date filter. */
  dates: readonly string[] | null;
};

/**
 * A backend's full-text index (SQLite: FTS5, lib/news/sqlite/search/fts.ts; PostgreSQL: a
 * tsvector with GIN, lib/news/postgres/search/). Every method returns article ids only, newest
 * (highest id) first, and says nothing about visibility: callers filter with isPublic.
 */
export interface SearchIndex {
  /** Ids of up to `limit` articles matching `query`, below id `below` when given. */
  matchingIds(db: DB, query: IndexQuery, limit: number, below: number | null): Promise<number[]>;
  /** Ids of up to `limit` articles whose headline holds every term (suggestions while typing). */
  headlineMatchIds(db: DB, terms: readonly SearchTerm[], limit: number): Promise<number[]>;
  /** Ids of up to `limit` articles whose headline starts with `tokens` (folded words, in order). */
  headlineStartIds(db: DB, tokens: readonly string[], limit: number): Promise<number[]>;
}
