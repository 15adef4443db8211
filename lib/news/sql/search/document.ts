import type { DB } from "../db";

/** What the search indexes hold of one article (SQLite: the view `article_search_documents`, 0004). */
export type SearchDocument = {
  id: number;
  headline: string;
  standfirst: string;
  /** The body's text: its blocks' text, one a line. */
  body: string;
  /** Tag names as stored in `tags`, in tag id order (the order the view reads them in). */
  tags: readonly string[];
  /** Author names as stored in `authors`, in the order the view reads them (author id order). */
  authors: readonly string[];
  sectionId: number;
  /** ISO 8601 UTC, or null. */
  publishedAt: string | null;
  /** True when the article may already be in the indexes (an update): its old entry goes first. */
  replaces: boolean;
};

/**
 * How a backend indexes an import batch for search: runs `write` inside the batch's transaction
 * `trx` (which returns a document for every article it changed) and indexes those documents
 * before the transaction commits; returns how many. Throws what `write` throws (the caller rolls
 * back). SQLite: withBulkSearchIndex (lib/news/sqlite/search/index-sync.ts); PostgreSQL:
 * lib/news/postgres/search/index-write.ts.
 */
export type BatchIndexer = (trx: DB, write: () => Promise<SearchDocument[]>) => Promise<number>;
