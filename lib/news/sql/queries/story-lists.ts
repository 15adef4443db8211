import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { DB } from "../db";
import type { Database } from "../schema";
import type { FrontPageLink, SitemapListing, StoryListPage } from "../../../domain";
import { THIN_LIST_STORIES } from "../../../seo/thin-pages";
import { isPublic } from "./article-rows";
import { FRONT_PAGE_SIZE, summariesByIds } from "./section-front";

/**
 * The stories of one author or one tag, newest first, paged like a section front (keyset cursors:
 * the cost of a page does not grow with its depth). Used by the author and tag pages
 * (lib/news/sql/queries/authors.ts, tags.ts), their feeds and their sitemaps.
 */

type ArticleScope = ExpressionBuilder<Database & { a: Database["articles"] }, "a">;

/** Which stories a list holds: a condition on `articles as a`. */
export type ListScope = (eb: ArticleScope) => Expression<SqlBool>;

/** The stories with `authorId` in their byline. */
export const byAuthor =
  (authorId: number): ListScope =>
  (eb) =>
    eb(
      "a.id",
      "in",
      eb.selectFrom("article_authors").select("article_id").where("author_id", "=", authorId),
    );

/** The stories tagged `tagId`. */
export const byTag =
  (tagId: number): ListScope =>
  (eb) =>
    eb(
      "a.id",
      "in",
      eb.selectFrom("article_tags").select("article_id").where("tag_id", "=", tagId),
    );

type Key = { id: number; published_at: string };

/** Up to `limit` stories of `scope` next to `from` ("older": after it, "newer": before it), nearest first. */
async function listKeys(
  db: DB,
  scope: ListScope,
  now: string,
  from: Key | null,
  direction: "older" | "newer",
  limit: number,
): Promise<Key[]> {
  let query = db
    .selectFrom("articles as a")
    .select(["a.id", "a.published_at"])
    .where(isPublic(now))
    .where(scope);
  if (from)
    query = query.where((eb) =>
      eb(
        eb.refTuple("a.published_at", "a.id"),
        direction === "older" ? "<" : ">",
        eb.tuple(from.published_at, from.id),
      ),
    );
  const order = direction === "older" ? "desc" : "asc";
  const rows = await query
    .orderBy("a.published_at", order)
    .orderBy("a.id", order)
    .limit(limit)
    .execute();
  return rows as Key[];
}

/**
 * One page of the list `scope`: FRONT_PAGE_SIZE public stories (at `now`, ISO 8601 UTC) after
 * the story `before` (null: the first page), newest first, ties by id, with the links to the
 * pages either side and whether the list is worth indexing (at least THIN_LIST_STORIES public
 * stories). `before` must be a published story of the list (one withdrawn since still marks the
 * place); otherwise null, a 404. An empty list has an empty first page.
 */
export async function storyListPage(
  db: DB,
  scope: ListScope,
  before: number | null,
  now: string,
): Promise<StoryListPage | null> {
  let cursor: Key | null = null;
  if (before !== null) {
    if (!Number.isSafeInteger(before) || before < 1) return null;
    const row = await db
      .selectFrom("articles as a")
      .select(["a.id", "a.published_at"])
      .where("a.id", "=", before)
      .where("a.status", "in", ["published", "scheduled"])
      .where("a.published_at", "<=", now)
      .where(scope)
      .executeTakeFirst();
    if (!row || row.published_at === null) return null;
    cursor = { id: row.id, published_at: row.published_at };
  }
  const page = await listKeys(db, scope, now, cursor, "older", FRONT_PAGE_SIZE + 1);
  const shown = page.slice(0, FRONT_PAGE_SIZE);
  let newer: FrontPageLink | null = null;
  if (cursor) {
    const above = await listKeys(db, scope, now, cursor, "newer", FRONT_PAGE_SIZE);
    newer = { before: above.length === FRONT_PAGE_SIZE ? (above.at(-1)?.id ?? null) : null };
  }
  // The first page of a long list already shows more than enough; otherwise count, up to the bar.
  const indexable =
    cursor === null && page.length >= THIN_LIST_STORIES
      ? true
      : (await listKeys(db, scope, now, null, "older", THIN_LIST_STORIES)).length >=
        THIN_LIST_STORIES;
  const last = shown.at(-1);
  return {
    articles: await summariesByIds(
      db,
      shown.map((k) => k.id),
    ),
    before,
    newer,
    older: page.length > FRONT_PAGE_SIZE && last ? { before: last.id } : null,
    indexable,
  };
}

/**
 * The author or tag pages worth listing in a sitemap: for each id of `groups` (author ids with
 * "article_authors", tag ids with "article_tags") with at least THIN_LIST_STORIES public stories at
 * `now`, its path (`pathOf` its slug) and the latest `updated_at` of those stories. Ordered by path.
 */
export async function indexableListings(
  db: DB,
  link: "article_authors" | "article_tags",
  now: string,
  pathOf: (slug: string) => string,
): Promise<SitemapListing[]> {
  const rows =
    link === "article_authors"
      ? await db
          .selectFrom("article_authors as l")
          .innerJoin("articles as a", "a.id", "l.article_id")
          .innerJoin("authors as o", "o.id", "l.author_id")
          .select((eb) => [
            "o.slug",
            eb.fn.countAll<number>().as("count"),
            eb.fn.max("a.updated_at").as("lastmod"),
          ])
          .where(isPublic(now))
          .groupBy("o.id")
          .having((eb) => eb.fn.countAll(), ">=", THIN_LIST_STORIES)
          .execute()
      : await db
          .selectFrom("article_tags as l")
          .innerJoin("articles as a", "a.id", "l.article_id")
          .innerJoin("tags as o", "o.id", "l.tag_id")
          .select((eb) => [
            "o.slug",
            eb.fn.countAll<number>().as("count"),
            eb.fn.max("a.updated_at").as("lastmod"),
          ])
          .where(isPublic(now))
          .groupBy("o.id")
          .having((eb) => eb.fn.countAll(), ">=", THIN_LIST_STORIES)
          .execute();
  return rows
    .map((r) => ({ path: pathOf(r.slug), lastmod: String(r.lastmod) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
