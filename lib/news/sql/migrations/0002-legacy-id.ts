import type { Kysely } from "kysely";

/**
 * The earlier site's article identifier ("ud" of /view.php?ud=YYYYMMDD000NNN: date of publication
 * plus a daily sequence number), kept so old links can redirect to the article's canonical URL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").addColumn("legacy_id", "text").execute();
  await db.schema
    .createIndex("articles_legacy_id")
    .on("articles")
    .column("legacy_id")
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("articles_legacy_id").ifExists().execute();
  await db.schema.alterTable("articles").dropColumn("legacy_id").execute();
}
