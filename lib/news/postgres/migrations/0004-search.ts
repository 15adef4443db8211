import { sql, type Kysely } from "kysely";
import { rebuildSearchIndex } from "../search/index-write";

/**
 * Full-text search on PostgreSQL (SQLite's is FTS5, lib/news/sqlite/migrations/0004-search.ts):
 * `article_search` holds, per article, a tsvector of its words (headline A, standfirst B, tags
 * and bylines C, body and facet words D) and one of its headline alone (suggestions, exact
 * headlines), each with a GIN index. The vectors are built from our own tokens
 * (lib/news/postgres/search/tsvector.ts), so the writers index what they write; articles already
 * in the database are indexed here. Every article is indexed whatever its status, as on SQLite:
 * isPublic decides at query time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("article_search")
    .addColumn("article_id", "integer", (c) =>
      c.primaryKey().references("articles.id").onDelete("cascade"),
    )
    .addColumn("document", sql`tsvector`, (c) => c.notNull())
    .addColumn("headline", sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index article_search_document on article_search using gin (document)`.execute(
    db,
  );
  await sql`create index article_search_headline on article_search using gin (headline)`.execute(
    db,
  );
  await rebuildSearchIndex(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("article_search").execute();
}
