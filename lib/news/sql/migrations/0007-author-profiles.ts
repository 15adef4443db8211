import type { Kysely } from "kysely";

/**
 * Author pages (/author/{slug}) print an optional short bio and photo of the staff writer or
 * agency: `bio` (plain text) and `image_id` (a photograph of `images`), both null by default.
 * An index on `article_authors (author_id, article_id)` finds an author's stories without
 * reading every byline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("authors").addColumn("bio", "text").execute();
  await db.schema
    .alterTable("authors")
    .addColumn("image_id", "integer", (col) => col.references("images.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("article_authors_author")
    .on("article_authors")
    .columns(["author_id", "article_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("article_authors_author").execute();
  await db.schema.alterTable("authors").dropColumn("image_id").execute();
  await db.schema.alterTable("authors").dropColumn("bio").execute();
}
