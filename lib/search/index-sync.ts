import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";

/**
 * Keeping the search index (the FTS5 table `article_search`, lib/db/migrations/0004-search.ts)
 * in step with bulk writes. Triggers re-index an article on every change by themselves; a writer
 * that changes many rows in one transaction (the importer writes an article, then its author,
 * then each tag: five re-indexings of the same row) defers that to one pass at its end.
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
