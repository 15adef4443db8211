import type { StoryRecord } from "../../newsroom-store";
import type { StoryContent } from "../../../newsroom/story-content";
import type { DB } from "../db";

/**
 * Reading a story's workflow row, head revision and corrections into a {@link StoryRecord}, and
 * the small pieces the story writers share (lib/news/sql/newsroom/stories.ts, publish.ts).
 */

/** Content as JSON with object keys sorted, so equal content is equal text whatever its key order. */
export function contentJson(content: StoryContent): string {
  return JSON.stringify(sortKeys(content));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** The desk's copy of the head revision (newsroom_stories columns of migration 0010). */
export function deskColumns(content: StoryContent) {
  return {
    slug: content.slug === "" ? null : content.slug,
    headline: content.headline,
    section_id: content.sectionId,
    byline_names: JSON.stringify(content.byline.map((b) => b.name)),
  };
}

/** Whether `error` is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    (typeof e?.message === "string" && /UNIQUE constraint failed/.test(e.message))
  );
}

/** The next free revision number of story `id` (1 + the highest kept). */
export async function nextRevisionNumber(db: DB, id: number): Promise<number> {
  const row = await db
    .selectFrom("article_revisions")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("article_id", "=", id)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** The story whose slug is `slug`, other than `id`, or null. */
export async function slugHolder(db: DB, slug: string, id: number): Promise<number | null> {
  if (slug === "") return null;
  const row = await db
    .selectFrom("newsroom_stories")
    .select("article_id")
    .where("slug", "=", slug)
    .where("article_id", "!=", id)
    .executeTakeFirst();
  return row ? row.article_id : null;
}

/** The {@link StoryRecord} of story `id` from its workflow row, or null when it has none. */
export async function readStoryRecord(db: DB, id: number): Promise<StoryRecord | null> {
  const row = await db
    .selectFrom("newsroom_stories as n")
    .innerJoin("articles as a", "a.id", "n.article_id")
    .innerJoin("article_revisions as r", (join) =>
      join.onRef("r.article_id", "=", "n.article_id").onRef("r.number", "=", "n.head_revision"),
    )
    .select([
      "n.article_id",
      "n.state",
      "n.owner_id",
      "n.version",
      "n.head_revision",
      "n.published_revision",
      "n.updated_at",
      "n.review_note",
      "n.withdrawn_reason",
      "a.slug",
      "a.status",
      "a.published_at",
      "a.withdrawn_at",
      "r.content_json",
    ])
    .where("n.article_id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const corrections = await db
    .selectFrom("article_corrections")
    .select(["text", "published_at"])
    .where("article_id", "=", id)
    .orderBy("published_at")
    .orderBy("id")
    .execute();
  return {
    id: row.article_id,
    state: row.state,
    ownerId: row.owner_id,
    version: Number(row.version),
    headRevision: row.head_revision,
    publishedRevision: row.published_revision,
    content: JSON.parse(row.content_json) as StoryContent,
    articleSlug: row.slug,
    publishedAt: row.status === "draft" ? null : row.published_at,
    withdrawnAt: row.withdrawn_at,
    updatedAt: row.updated_at,
    reviewNote: row.review_note,
    withdrawnReason: row.withdrawn_reason,
    corrections: corrections.map((c) => ({ text: c.text, publishedAt: c.published_at })),
  };
}
