import type { StoryChangeOutcome, StoryPublishOutcome } from "../../newsroom-store";
import type { StoryContent } from "../../../newsroom/story-content";
import { bodyText } from "../../../content/blocks";
import { slugify, unicodeSlug } from "../../../format/slug";
import { SLUG_PATTERN } from "../../../urls";
import type { DB } from "../db";
import type { BatchIndexer, SearchDocument } from "../search/document";
import { getStory } from "./open-story";
import { slugHolder } from "./story-rows";

/**
 * Publishing a story (docs/newsroom.md, "The workflow", "Editing a live story"): the head
 * revision is copied into the public `articles` row, its bylines, tags, lead photo and the
 * search index, in one transaction, through the backend's indexer (SQLite FTS5, PostgreSQL
 * tsvector: the importer's, lib/news/sql/search/document.ts). Until then, edits of a live story
 * are revisions only: readers keep the published copy. Text is written exactly as typed.
 */

/**
 * The public URL's slug of a story: its own slug when it is ASCII (lib/urls.ts SLUG_PATTERN, what
 * canonical redirects and every article URL use), else the ASCII spelling of its slug or headline
 * ("article" when neither has a Latin letter or digit). The story's own slug, in any language,
 * stays unique among stories in the newsroom (docs/newsroom.md, "Slugs").
 */
export function publicSlug(content: Pick<StoryContent, "slug" | "headline">): string {
  if (SLUG_PATTERN.test(content.slug)) return content.slug;
  return slugify(content.slug, 60) || slugify(content.headline, 60) || "article";
}

/**
 * Publishes the head revision of story `id` (see NewsroomStore.publishStory). A withdrawn story
 * cannot be published again (its URL stays 410).
 */
export async function publishStory(
  db: DB,
  indexBatch: BatchIndexer,
  id: number,
  input: { version: number; publishAt: string; correction: string | null; at: string },
): Promise<StoryPublishOutcome | null> {
  const story = await getStory(db, id);
  if (!story) return null;
  if (story.version !== input.version) return { ok: false, kind: "conflict" };
  if (story.state === "withdrawn" || story.withdrawnAt !== null)
    return { ok: false, kind: "state" };
  const holder = await slugHolder(db, story.content.slug, id);
  if (holder !== null) return { ok: false, kind: "slug-taken", byStory: holder };
  const content = story.content;
  if (content.sectionId === null) return { ok: false, kind: "state" };
  const sectionId = content.sectionId;
  // A draft may name a section or photo deleted since: refused by name, not by a foreign key.
  const section = await db
    .selectFrom("sections")
    .select("id")
    .where("id", "=", sectionId)
    .executeTakeFirst();
  if (!section) return { ok: false, kind: "missing", field: "sectionId" };
  if (content.lead.imageId !== null) {
    const image = await db
      .selectFrom("images")
      .select("id")
      .where("id", "=", content.lead.imageId)
      .executeTakeFirst();
    if (!image) return { ok: false, kind: "missing", field: "lead.imageId" };
  }

  return db.transaction().execute(async (trx): Promise<StoryPublishOutcome> => {
    const bumped = await trx
      .updateTable("newsroom_stories")
      .set((eb) => ({
        version: eb("version", "+", 1),
        state: "published",
        published_revision: story.headRevision,
        review_note: null,
        updated_at: input.at,
      }))
      .where("article_id", "=", id)
      .where("version", "=", input.version)
      .where("head_revision", "=", story.headRevision)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) === 0) return { ok: false, kind: "conflict" };

    const article = await trx
      .selectFrom("articles")
      .select(["status", "published_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    // Live already: a republish keeps the first publication time and sets "Updated" to now.
    const live =
      article.status !== "draft" &&
      article.published_at !== null &&
      article.published_at <= input.at;
    const publishedAt = live ? article.published_at! : input.publishAt;
    const scheduled = publishedAt > input.at;
    const action = live ? "republished" : scheduled ? "scheduled" : "published";
    const updatedAt = live ? input.at : publishedAt;

    let imageAltChanged = false;
    await indexBatch(trx, async (): Promise<SearchDocument[]> => {
      await trx
        .updateTable("articles")
        .set({
          slug: publicSlug(content),
          headline: content.headline,
          standfirst: content.standfirst,
          body_json: JSON.stringify(content.body),
          section_id: sectionId,
          status: scheduled ? "scheduled" : "published",
          published_at: publishedAt,
          updated_at: updatedAt,
          lead_image_id: content.lead.imageId,
          lead_image_caption:
            content.lead.imageId === null && content.lead.caption === ""
              ? null
              : content.lead.caption,
          lead_image_credit:
            content.lead.imageId === null && content.lead.credit === ""
              ? null
              : content.lead.credit,
        })
        .where("id", "=", id)
        .execute();
      // Alt text describes the photo itself: it is the `images` row's, shared by every story
      // that prints the photo (docs/newsroom.md, "Lead photo").
      if (content.lead.imageId !== null && content.lead.alt.trim() !== "") {
        const changed = await trx
          .updateTable("images")
          .set({ alt: content.lead.alt })
          .where("id", "=", content.lead.imageId)
          .where("alt", "!=", content.lead.alt)
          .executeTakeFirst();
        imageAltChanged = Number(changed.numUpdatedRows) > 0;
      }
      const authors = await writeBylines(trx, id, content.byline);
      const tags = await writeTags(trx, id, content.tags);
      return [
        {
          id,
          headline: content.headline,
          standfirst: content.standfirst,
          body: bodyText(content.body),
          tags,
          authors,
          sectionId,
          publishedAt,
          replaces: true,
        },
      ];
    });
    if (input.correction !== null && input.correction.trim() !== "")
      await trx
        .insertInto("article_corrections")
        .values({
          article_id: id,
          revision_number: story.headRevision,
          text: input.correction,
          published_at: scheduled ? publishedAt : input.at,
        })
        .execute();
    return { ok: true, version: input.version + 1, action, imageAltChanged };
  });
}

/**
 * Replaces the bylines of article `id` (authors found by unicode slug, created when new, with
 * the kind the editor chose); returns the names in author id order (the search index's order).
 */
async function writeBylines(db: DB, id: number, byline: StoryContent["byline"]): Promise<string[]> {
  await db.deleteFrom("article_authors").where("article_id", "=", id).execute();
  const seen = new Map<number, string>();
  for (const entry of byline) {
    const slug = unicodeSlug(entry.name) || "author";
    let author = await db
      .selectFrom("authors")
      .select(["id", "name"])
      .where("slug", "=", slug)
      .executeTakeFirst();
    author ??= await db
      .insertInto("authors")
      .values({ slug, name: entry.name.trim(), kind: entry.kind })
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();
    if (seen.has(author.id)) continue;
    await db
      .insertInto("article_authors")
      .values({ article_id: id, author_id: author.id, position: seen.size })
      .execute();
    seen.set(author.id, author.name);
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

/** Replaces the tags of article `id` (found by unicode slug, created when new); names by id. */
async function writeTags(db: DB, id: number, names: readonly string[]): Promise<string[]> {
  await db.deleteFrom("article_tags").where("article_id", "=", id).execute();
  const seen = new Map<number, string>();
  for (const name of names) {
    const slug = unicodeSlug(name);
    if (slug === "") continue;
    let tag = await db
      .selectFrom("tags")
      .select(["id", "name"])
      .where("slug", "=", slug)
      .executeTakeFirst();
    tag ??= await db
      .insertInto("tags")
      .values({ slug, name: name.trim() })
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();
    if (seen.has(tag.id)) continue;
    await db.insertInto("article_tags").values({ article_id: id, tag_id: tag.id }).execute();
    seen.set(tag.id, tag.name);
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

/**
 * Withdraws story `id` (published or scheduled): the article's URL answers 410 and it leaves
 * every public surface; the reason is kept on the story (and, by the caller, in the audit log).
 */
export async function withdrawStory(
  db: DB,
  id: number,
  input: { version: number; reason: string; at: string },
): Promise<StoryChangeOutcome | null> {
  const story = await getStory(db, id);
  if (!story) return null;
  if (story.version !== input.version) return { ok: false, kind: "conflict" };
  if (story.state !== "published") return { ok: false, kind: "state" };
  return db.transaction().execute(async (trx): Promise<StoryChangeOutcome> => {
    const updated = await trx
      .updateTable("newsroom_stories")
      .set((eb) => ({
        version: eb("version", "+", 1),
        state: "withdrawn",
        withdrawn_reason: input.reason,
        updated_at: input.at,
      }))
      .where("article_id", "=", id)
      .where("version", "=", input.version)
      .where("state", "=", "published")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return { ok: false, kind: "conflict" };
    await trx
      .updateTable("articles")
      .set({ withdrawn_at: input.at, updated_at: input.at })
      .where("id", "=", id)
      .execute();
    return { ok: true, version: input.version + 1 };
  });
}
