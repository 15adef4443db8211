import { leadText, parseStoredBody } from "../../../content/blocks";
import type { Article, Author, SectionRef, Tag } from "../../../domain";
import { firstSentence } from "../../../format/summary";
import { unicodeSlug } from "../../../format/slug";
import { storyDraftSchema, type StoryContent } from "../../../newsroom/story-content";
import { articlePath, sectionPath } from "../../../urls";
import type { StoryRevisionsState } from "../../newsroom-store";
import type { DB } from "../db";
import { IMAGE_COLUMNS, imageFromRow } from "../queries/article-rows";
import { getCorrections } from "../queries/articles";
import { withBodyPhotos } from "../queries/body-photos";

/**
 * One revision of a newsroom story as the public article page would show it (issue 17,
 * "Preview"): the revision's headline, standfirst, slug, section, byline, tags, lead photo and
 * body over the story's `articles` row (its id, licence, source and, when the revision sets no
 * time, its publication time). For editors' preview only: it ignores whether readers may see the
 * story. Text is returned exactly as stored; pages escape it when they render it.
 */

/** A section by id with its parent, as an article's `section` and `topSection`. */
async function sectionRefs(
  db: DB,
  id: number,
): Promise<{ section: SectionRef; topSection: SectionRef } | null> {
  const row = await db
    .selectFrom("sections as s")
    .leftJoin("sections as p", "p.id", "s.parent_id")
    .select(["s.id", "s.slug", "s.name", "p.id as pid", "p.slug as pslug", "p.name as pname"])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  if (row.pid === null || row.pslug === null || row.pname === null) {
    const section = { id: row.id, slug: row.slug, name: row.name, path: sectionPath(row.slug) };
    return { section, topSection: section };
  }
  return {
    section: { id: row.id, slug: row.slug, name: row.name, path: sectionPath(row.pslug, row.slug) },
    topSection: { id: row.pid, slug: row.pslug, name: row.pname, path: sectionPath(row.pslug) },
  };
}

/** The byline as authors: the author row of the same slug when there is one, else id 0. */
async function bylineAuthors(db: DB, byline: StoryContent["byline"]): Promise<Author[]> {
  const slugs = byline.map((b) => unicodeSlug(b.name));
  const known = slugs.length
    ? await db.selectFrom("authors").select(["id", "slug"]).where("slug", "in", slugs).execute()
    : [];
  const ids = new Map(known.map((a) => [a.slug, Number(a.id)]));
  return byline.map((b, i) => ({
    id: ids.get(slugs[i]!) ?? 0,
    slug: slugs[i]!,
    name: b.name,
    kind: b.kind,
  }));
}

/** The tags by name, as the import names them (unicodeSlug); existing tags keep their id. */
async function tagsOf(db: DB, names: string[]): Promise<Tag[]> {
  const slugs = names.map((n) => unicodeSlug(n));
  const known = slugs.length
    ? await db.selectFrom("tags").select(["id", "slug"]).where("slug", "in", slugs).execute()
    : [];
  const ids = new Map(known.map((t) => [t.slug, Number(t.id)]));
  return names
    .map((name, i) => ({ id: ids.get(slugs[i]!) ?? 0, slug: slugs[i]!, name }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The `Article` revision `revisionNumber` (null: the head revision) of story `articleId` would be
 * on its public page, or null when the story has no newsroom_stories row (an imported story:
 * preview its `articles` row), no such revision, or content that no longer parses. `now` (ISO
 * 8601 UTC) stands in for the publication time of a story that has none yet.
 */
export async function revisionArticle(
  db: DB,
  articleId: number,
  revisionNumber: number | null,
  now: string,
): Promise<Article | null> {
  if (!Number.isSafeInteger(articleId) || articleId < 1) return null;
  const story = await db
    .selectFrom("newsroom_stories as n")
    .innerJoin("articles as a", "a.id", "n.article_id")
    .select([
      "n.head_revision",
      "n.published_revision",
      "a.slug",
      "a.section_id",
      "a.published_at",
      "a.updated_at",
      "a.source_url",
      "a.licence",
    ])
    .where("n.article_id", "=", articleId)
    .executeTakeFirst();
  if (!story) return null;
  const revision = await db
    .selectFrom("article_revisions")
    .select(["content_json", "created_at", "number"])
    .where("article_id", "=", articleId)
    .where("number", "=", revisionNumber ?? story.head_revision)
    .executeTakeFirst();
  if (!revision) return null;
  let parsed;
  try {
    parsed = storyDraftSchema.safeParse(JSON.parse(revision.content_json));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const content = parsed.data;

  const sections =
    (content.sectionId !== null ? await sectionRefs(db, content.sectionId) : null) ??
    (await sectionRefs(db, story.section_id));
  if (!sections) return null;
  const imageRow = content.lead.imageId
    ? await db
        .selectFrom("images as i")
        .select(IMAGE_COLUMNS)
        .where("i.id", "=", content.lead.imageId)
        .executeTakeFirst()
    : undefined;
  const stored = imageRow ? imageFromRow(imageRow) : null;
  const image = stored
    ? {
        ...stored,
        alt: content.lead.alt || stored.alt,
        caption: content.lead.caption,
        credit: content.lead.credit,
      }
    : null;
  // Read as a public article's body is: unknown blocks left out, photos given their src and size.
  const body = await withBodyPhotos(db, parseStoredBody(JSON.stringify(content.body)));
  const slug = content.slug || story.slug;
  const isPublished = Number(revision.number) === story.published_revision;
  return {
    id: articleId,
    slug,
    path: articlePath(articleId, slug),
    headline: content.headline,
    summary: content.standfirst || firstSentence(leadText(body)),
    publishedAt: content.publishAt ?? story.published_at ?? now,
    updatedAt: isPublished ? story.updated_at : revision.created_at,
    ...sections,
    image,
    standfirst: content.standfirst,
    body,
    authors: await bylineAuthors(db, content.byline),
    tags: await tagsOf(db, content.tags),
    leadImage:
      image || content.lead.caption || content.lead.credit
        ? { image, caption: content.lead.caption, credit: content.lead.credit }
        : null,
    sourceUrl: story.source_url,
    licence: story.licence,
    // Every correction the story has, as preview shows a scheduled one at once.
    corrections: await getCorrections(db, articleId, null),
  };
}

/** Where story `articleId`'s revisions stand, or null when it has no newsroom_stories row. */
export async function storyRevisionsState(
  db: DB,
  articleId: number,
): Promise<StoryRevisionsState | null> {
  const row = await db
    .selectFrom("newsroom_stories")
    .select(["state", "owner_id", "head_revision", "published_revision"])
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  return row
    ? {
        state: row.state,
        ownerId: row.owner_id,
        headRevision: Number(row.head_revision),
        publishedRevision: row.published_revision === null ? null : Number(row.published_revision),
      }
    : null;
}
