import { CompiledQuery, sql, type Kysely } from "kysely";
import type { Database } from "../../sql/schema";
import type { SearchDocument } from "../../sql/search/document";
import { articleFacets } from "../../sql/search/facets";

/**
 * Keeping the search index (the FTS5 table `article_search`, lib/news/sqlite/migrations/0004-search.ts)
 * in step with bulk writes. Triggers re-index an article on every change by themselves; a writer
 * that changes many rows in one transaction (the importer writes an article, then its author,
 * then each tag: five re-indexings of the same row) defers that to one pass at its end
 * (withDeferredSearchIndex), or, holding every article it wrote in memory, switches the triggers
 * off and indexes them itself (withBulkSearchIndex, migration 0006-search-bulk).
 */

/**
 * Runs `write` with search indexing deferred, then indexes every article it touched, in one
 * pass in id order. Call it inside a transaction (`db` a Transaction), so no other connection
 * ever sees the deferred state or a half-indexed batch. A nested call stays correct (it ends the
 * deferral early). Throws what `write` throws, after indexing what was written and ending the
 * deferral, so a caller that commits anyway never leaves indexing switched off.
 */
export async function withDeferredSearchIndex<T>(
  db: Kysely<Database>,
  write: () => Promise<T>,
): Promise<T> {
  // Outside a transaction the deferral would be committed on its own, and a crash before the
  // sync would leave the triggers deferring for good.
  if (!db.isTransaction) throw new Error("withDeferredSearchIndex must run inside a transaction");
  await sql`insert into search_defer (id) values (1) on conflict do nothing`.execute(db);
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await syncSearchIndex(db).catch(() => undefined);
    throw error;
  }
  await syncSearchIndex(db);
  return result;
}

/**
 * Indexes the articles noted in `search_dirty` (deleted ones simply leave the index) and ends
 * deferral. Returns how many articles were re-indexed.
 */
export async function syncSearchIndex(db: Kysely<Database>): Promise<number> {
  await sql`delete from search_defer`.execute(db);
  await sql`delete from article_search where rowid in (select article_id from search_dirty)`.execute(
    db,
  );
  const inserted =
    await sql`insert into article_search (rowid, headline, standfirst, body, tags, authors, facets)
    select d.* from article_search_documents d
    where d.id in (select article_id from search_dirty) order by d.id`.execute(db);
  await sql`delete from search_dirty`.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}

/**
 * Rebuilds both indexes (articles, headlines) from the articles (after a bulk load that bypassed the triggers, or
 * to compact it), then merges its segments into one for the fastest queries. Takes minutes on a
 * million articles; holds the write lock meanwhile.
 */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<void> {
  await sql`insert into article_search (article_search) values ('delete-all')`.execute(db);
  await sql`delete from search_dirty`.execute(db);
  await sql`delete from search_defer`.execute(db);
  await sql`insert into article_search (rowid, headline, standfirst, body, tags, authors, facets)
    select * from article_search_documents order by id`.execute(db);
  await sql`insert into article_search (article_search) values ('optimize')`.execute(db);
  await sql`insert into article_headlines (article_headlines) values ('delete-all')`.execute(db);
  await sql`insert into article_headlines (rowid, headline)
    select id, headline from articles order by id`.execute(db);
  await sql`insert into article_headlines (article_headlines) values ('optimize')`.execute(db);
}

/** The facet words of an article as one FTS5 column (lib/news/sql/search/facets.ts). */
export function searchFacets(sectionId: number, publishedAt: string | null): string {
  return articleFacets(sectionId, publishedAt).join(" ");
}

const BULK = CompiledQuery.raw("insert into search_defer (id) values (2) on conflict do nothing");
const END_BULK = CompiledQuery.raw("delete from search_defer where id = 2");
const DELETE_SEARCH = "delete from article_search where rowid = ?";
const DELETE_HEADLINE = "delete from article_headlines where rowid = ?";
const INSERT_HEADLINE = "insert into article_headlines (rowid, headline) values (?, ?)";
const INSERT_SEARCH = `insert into article_search (rowid, headline, standfirst, body, tags, authors, facets)
  values (?, ?, ?, ?, ?, ?, ?)`;

/**
 * Runs `write` with the search triggers switched off (the row 2 of `search_defer`, migration
 * 0006-search-bulk), then indexes the documents it returns: the writer must return one for every
 * article whose text, tags, authors, section or date it changed, built from what it wrote. For a
 * writer that has every article in memory (the importer) this saves the triggers' work and the
 * view's re-reading of what was just written. Call it inside a transaction (`db` a Transaction);
 * throws what `write` throws after switching the triggers back on, so a caller must roll back.
 */
export async function withBulkSearchIndex(
  db: Kysely<Database>,
  write: () => Promise<SearchDocument[]>,
): Promise<number> {
  if (!db.isTransaction) throw new Error("withBulkSearchIndex must run inside a transaction");
  await db.executeQuery(BULK);
  let documents: SearchDocument[];
  try {
    documents = await write();
  } finally {
    await db.executeQuery(END_BULK);
  }
  await indexDocuments(db, documents);
  return documents.length;
}

/**
 * Writes documents to both indexes, in id order, after every other write of the transaction:
 * FTS5 flushes its pending terms whenever a later statement opens a savepoint, and whenever
 * rowids go backwards, so this order makes each batch one segment.
 */
async function indexDocuments(db: Kysely<Database>, documents: SearchDocument[]): Promise<void> {
  // An article written twice in one batch is indexed once, as last written.
  const latest = new Map<number, SearchDocument>();
  for (const d of documents)
    latest.set(d.id, { ...d, replaces: d.replaces || latest.get(d.id)?.replaces === true });
  const sorted = [...latest.values()].sort((a, b) => a.id - b.id);
  const run = (query: string, parameters: unknown[]) =>
    db.executeQuery(CompiledQuery.raw(query, parameters));
  for (const d of sorted) {
    if (!d.replaces) continue;
    await run(DELETE_SEARCH, [d.id]);
    await run(DELETE_HEADLINE, [d.id]);
  }
  for (const d of sorted) await run(INSERT_HEADLINE, [d.id, d.headline]);
  for (const d of sorted)
    await run(INSERT_SEARCH, [
      d.id,
      d.headline,
      d.standfirst,
      d.body,
      d.tags.join("\n"),
      d.authors.join("\n"),
      searchFacets(d.sectionId, d.publishedAt),
    ]);
}
