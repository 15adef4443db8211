import { sql, type Kysely } from "kysely";

/** The first schema: publication, sections, authors, images, articles, tags, page views. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row once the default content has been loaded (see lib/news/sql/seed.ts).
  await db.schema
    .createTable("seed_state")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seeded_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("publication")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("publisher_company", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("registration_json", "text", (c) => c.notNull())
    .addColumn("date_months_json", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("publication_links")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('promo', 'footer')`))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("href", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sections")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("sections.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("legacy_code", "text")
    .execute();
  // A slug is unique among its siblings; top-level sections have parent 0 in the index expression.
  await sql`create unique index sections_parent_slug on sections (coalesce(parent_id, 0), slug)`.execute(
    db,
  );

  await db.schema
    .createTable("authors")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('staff', 'agency', 'collective')`),
    )
    .execute();

  await db.schema
    .createTable("images")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("file", "text", (c) => c.notNull().unique())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("alt", "text", (c) => c.notNull())
    .addColumn("caption", "text", (c) => c.notNull())
    .addColumn("credit", "text", (c) => c.notNull())
    .addColumn("licence", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("articles")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("external_id", "text", (c) => c.notNull().unique())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("headline", "text", (c) => c.notNull())
    .addColumn("standfirst", "text", (c) => c.notNull())
    .addColumn("body_json", "text", (c) => c.notNull())
    .addColumn("section_id", "integer", (c) => c.notNull().references("sections.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('draft', 'scheduled', 'published')`),
    )
    .addColumn("published_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("lead_image_id", "integer", (c) => c.references("images.id"))
    .addColumn("lead_image_caption", "text")
    .addColumn("lead_image_credit", "text")
    .addColumn("source_url", "text")
    .addColumn("licence", "text")
    .execute();
  await db.schema
    .createIndex("articles_status_published")
    .on("articles")
    .columns(["status", "published_at desc", "id desc"])
    .execute();
  await db.schema
    .createIndex("articles_section_published")
    .on("articles")
    .columns(["section_id", "status", "published_at desc", "id desc"])
    .execute();

  await db.schema
    .createTable("article_authors")
    .addColumn("article_id", "integer", (c) =>
      c.notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("author_id", "integer", (c) => c.notNull().references("authors.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_authors_pk", ["article_id", "author_id"])
    .execute();

  await db.schema
    .createTable("tags")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("article_tags")
    .addColumn("article_id", "integer", (c) =>
      c.notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id"))
    .addPrimaryKeyConstraint("article_tags_pk", ["article_id", "tag_id"])
    .execute();
  await db.schema
    .createIndex("article_tags_tag")
    .on("article_tags")
    .columns(["tag_id", "article_id"])
    .execute();

  await db.schema
    .createTable("page_views")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("article_id", "integer", (c) =>
      c.notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("reader_hash", "text", (c) => c.notNull())
    .addColumn("viewed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("page_views_window")
    .on("page_views")
    .columns(["viewed_at", "article_id"])
    .execute();
  await db.schema
    .createIndex("page_views_reader")
    .on("page_views")
    .columns(["article_id", "reader_hash", "viewed_at"])
    .execute();
}

/** Drops everything the first migration made. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "page_views",
    "article_tags",
    "tags",
    "article_authors",
    "articles",
    "images",
    "authors",
    "sections",
    "publication_links",
    "publication",
    "seed_state",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
