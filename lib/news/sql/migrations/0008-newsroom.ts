import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * The newsroom's tables (docs/newsroom.md). A story written in the newsroom is an `articles` row
 * (what readers see once it is public) plus:
 * - `newsroom_stories`: its place in the workflow (draft, review, published, withdrawn; a
 *   published story whose time is still ahead is "scheduled"), its writer, the revision being
 *   edited (`head_revision`) and the one readers see (`published_revision`), and `version`, which
 *   every save must name so that a second editor's stale save is refused, never silently applied;
 * - `article_revisions`: every saved version of its content (JSON, lib/newsroom/story-content.ts);
 * - `article_corrections`: correction notes printed under the body, with their time;
 * - `preview_links`: shareable preview links (signed tokens name a row), revocable at once;
 * - `audit_log`: who did what, when (sign-ins, publishing, withdrawals, roles, preview links);
 * - `media_files`: uploaded photos' bytes, in the database so every instance can serve them.
 * User ids are better-auth's (text); they are kept without foreign keys so that the log and the
 * history outlive a deleted account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable("newsroom_stories")
    .addColumn("article_id", "integer", (c) =>
      c.primaryKey().references("articles.id").onDelete("cascade"),
    )
    .addColumn("state", "text", (c) =>
      c.notNull().check(sql`state in ('draft', 'review', 'published', 'withdrawn')`),
    )
    .addColumn("owner_id", "text")
    .addColumn("head_revision", "integer", (c) => c.notNull())
    .addColumn("published_revision", "integer")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("review_note", "text")
    .addColumn("withdrawn_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("newsroom_stories_state")
    .on("newsroom_stories")
    .columns(["state", "updated_at desc"])
    .execute();

  await db.schema
    .createTable("article_revisions")
    .addColumn("id", "integer", (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn("article_id", "integer", (c) =>
      c.notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addUniqueConstraint("article_revisions_number", ["article_id", "number"])
    .execute();

  await db.schema
    .createTable("article_corrections")
    .addColumn("id", "integer", (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn("article_id", "integer", (c) =>
      c.notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("revision_number", "integer")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("article_corrections_article")
    .on("article_corrections")
    .columns(["article_id", "published_at"])
    .execute();

  await db.schema
    .createTable("preview_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("article_id", "integer", (c) =>
      c.notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("revision_number", "integer")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text")
    .execute();
  await db.schema
    .createIndex("preview_links_article")
    .on("preview_links")
    .columns(["article_id", "created_at"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_email", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("article_id", "integer")
    .addColumn("detail_json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("address", "text")
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").columns(["id desc"]).execute();
  await db.schema
    .createIndex("audit_log_action")
    .on("audit_log")
    .columns(["action", "id desc"])
    .execute();

  await db.schema
    .createTable("media_files")
    .addColumn("image_id", "integer", (c) =>
      c.primaryKey().references("images.id").onDelete("cascade"),
    )
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("bytes", postgres ? sql`bytea` : "blob", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text")
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "media_files",
    "audit_log",
    "preview_links",
    "article_corrections",
    "article_revisions",
    "newsroom_stories",
  ])
    await db.schema.dropTable(table).execute();
}
