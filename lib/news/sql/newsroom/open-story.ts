import type { NewsroomState, StoryRecord } from "../../newsroom-store";
import type { BodyBlock } from "../../../domain";
import type { StoryContent } from "../../../newsroom/story-content";
import type { DB } from "../db";
import {
  contentJson,
  deskColumns,
  isUniqueViolation,
  readStoryRecord,
  slugHolder,
} from "./story-rows";

/**
 * Opening a story: its workflow row and head revision, made on first use for an article that
 * arrived by import (docs/newsroom.md, "The workflow": imported stories are edited like any other).
 */

/**
 * Story `id`, creating the workflow row of an imported article on first use: published (or
 * withdrawn, or draft) as the article is, revision 1 read from the article's row. Its slug is
 * the article's unless another story already holds it (then none, until an editor gives one).
 */
export async function getStory(db: DB, id: number): Promise<StoryRecord | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const known = await readStoryRecord(db, id);
  if (known) return known;
  const article = await db
    .selectFrom("articles")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!article) return null;
  const content = await importedContent(db, article);
  const state: NewsroomState =
    article.withdrawn_at !== null
      ? "withdrawn"
      : article.status === "draft"
        ? "draft"
        : "published";
  const at = article.updated_at;
  try {
    await db.transaction().execute(async (trx) => {
      const taken = (await slugHolder(trx, content.slug, id)) !== null;
      const inserted = await trx
        .insertInto("newsroom_stories")
        .values({
          article_id: id,
          state,
          owner_id: null,
          head_revision: 1,
          published_revision: state === "draft" ? null : 1,
          review_note: null,
          withdrawn_reason: null,
          created_at: at,
          updated_at: at,
          ...deskColumns(content),
          slug: taken || content.slug === "" ? null : content.slug,
        })
        .onConflict((oc) => oc.column("article_id").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await trx
        .insertInto("article_revisions")
        .values({
          article_id: id,
          number: 1,
          content_json: contentJson(content),
          created_by: null,
          created_by_name: null,
          created_at: at,
          note: "As imported",
        })
        .execute();
    });
  } catch (error) {
    // Another request made the row at the same moment: read theirs.
    if (!isUniqueViolation(error)) throw error;
  }
  return readStoryRecord(db, id);
}

/** An imported article's row as story content (what revision 1 of its history holds). */
async function importedContent(
  db: DB,
  article: {
    id: number;
    headline: string;
    standfirst: string;
    slug: string;
    section_id: number;
    body_json: string;
    lead_image_id: number | null;
    lead_image_caption: string | null;
    lead_image_credit: string | null;
    status: string;
    published_at: string | null;
  },
): Promise<StoryContent> {
  const authors = await db
    .selectFrom("article_authors as aa")
    .innerJoin("authors as au", "au.id", "aa.author_id")
    .select(["au.name", "au.kind"])
    .where("aa.article_id", "=", article.id)
    .orderBy("aa.position")
    .orderBy("au.id")
    .execute();
  const tags = await db
    .selectFrom("article_tags as at")
    .innerJoin("tags as t", "t.id", "at.tag_id")
    .select("t.name")
    .where("at.article_id", "=", article.id)
    .orderBy("t.id")
    .execute();
  const image =
    article.lead_image_id === null
      ? undefined
      : await db
          .selectFrom("images")
          .select(["alt", "caption", "credit"])
          .where("id", "=", article.lead_image_id)
          .executeTakeFirst();
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    slug: article.slug,
    sectionId: article.section_id,
    byline: authors.map((a) => ({
      name: a.name,
      kind: a.kind === "staff" ? ("staff" as const) : ("agency" as const),
    })),
    tags: tags.map((t) => t.name),
    lead: {
      imageId: article.lead_image_id,
      caption: article.lead_image_caption ?? image?.caption ?? "",
      credit: article.lead_image_credit ?? image?.credit ?? "",
      alt: image?.alt ?? "",
    },
    body: JSON.parse(article.body_json) as BodyBlock[],
    publishAt: article.status === "draft" ? null : article.published_at,
  };
}
