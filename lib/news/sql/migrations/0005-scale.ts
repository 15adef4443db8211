import { sql, type Kysely } from "kysely";

// The condition of "public" that does not depend on the clock (lib/news/sql/queries/article-rows.ts,
// isPublic). Queries must repeat it word for word for SQLite to use these indexes.
const PUBLIC = sql.raw(`status in ('published', 'scheduled') and withdrawn_at is null`);

/**
 * Indexes for a large archive (a million stories): partial indexes over public stories only, in
 * the order every list is read (newest first, ties by id), so the latest stories, a section
 * front's page (a keyset seek from any depth) are short index range reads. They replace the two
 * status indexes of 0001, which could not serve `status in (…)` together with that order.
 *
 * `most_read` keeps the latest MOST POPULAR ranking for each list size (lib/news/sql/queries/
 * most-popular.ts): ranking 10 million page views takes a few hundred milliseconds, so it is
 * done at most every few minutes, not on every read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index articles_public on articles (published_at desc, id desc) where ${PUBLIC}`.execute(
    db,
  );
  await sql`create index articles_public_section on articles (section_id, published_at desc, id desc) where ${PUBLIC}`.execute(
    db,
  );
  await sql`drop index articles_status_published`.execute(db);
  await sql`drop index articles_section_published`.execute(db);
  await db.schema
    .createTable("most_read")
    .addColumn("list_size", "integer", (c) => c.primaryKey())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addColumn("window", "text", (c) => c.notNull())
    .addColumn("items_json", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("most_read").execute();
  await sql`drop index articles_public`.execute(db);
  await sql`drop index articles_public_section`.execute(db);
  await sql`create index articles_status_published on articles (status, published_at desc, id desc)`.execute(
    db,
  );
  await sql`create index articles_section_published on articles (section_id, status, published_at desc, id desc)`.execute(
    db,
  );
}
