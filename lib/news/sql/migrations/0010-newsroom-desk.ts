import type { Kysely } from "kysely";

/**
 * What the story desk filters and sorts on, kept on `newsroom_stories` from the story's latest
 * revision (so the desk never parses revisions' JSON in SQL), and the story's slug, unique among
 * newsroom stories (a unique index refuses a second story with the same slug even when two saves
 * race). Revisions keep the name of who saved them, so the history outlives a deleted account.
 * - newsroom_stories.slug: the head revision's slug, or null while it has none;
 * - newsroom_stories.headline, section_id, byline_names (JSON array of names): the head's;
 * - article_revisions.created_by_name: the staff member's name when they saved it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("newsroom_stories").addColumn("slug", "text").execute();
  await db.schema
    .alterTable("newsroom_stories")
    .addColumn("headline", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("newsroom_stories").addColumn("section_id", "integer").execute();
  await db.schema
    .alterTable("newsroom_stories")
    .addColumn("byline_names", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .createIndex("newsroom_stories_slug")
    .on("newsroom_stories")
    .column("slug")
    .unique()
    .execute();
  await db.schema.alterTable("article_revisions").addColumn("created_by_name", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("article_revisions").dropColumn("created_by_name").execute();
  await db.schema.dropIndex("newsroom_stories_slug").execute();
  for (const column of ["byline_names", "section_id", "headline", "slug"])
    await db.schema.alterTable("newsroom_stories").dropColumn(column).execute();
}
