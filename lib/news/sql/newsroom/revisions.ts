import type { RevisionEntry } from "../../newsroom-store";
import type { StoryContent } from "../../../newsroom/story-content";
import type { DB } from "../db";

/** A story's history (docs/newsroom.md, "Revisions and corrections"). */

/** Story `id`'s revisions, newest first, marking the one readers see. */
export async function listRevisions(db: DB, id: number): Promise<RevisionEntry[]> {
  const story = await db
    .selectFrom("newsroom_stories")
    .select("published_revision")
    .where("article_id", "=", id)
    .executeTakeFirst();
  const rows = await db
    .selectFrom("article_revisions")
    .select(["number", "created_at", "created_by", "created_by_name", "note"])
    .where("article_id", "=", id)
    .orderBy("number", "desc")
    .execute();
  return rows.map((r) => ({
    number: r.number,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    note: r.note,
    published: story?.published_revision === r.number,
  }));
}

/** The content of revision `number` of story `id`, or null. */
export async function revisionContent(
  db: DB,
  id: number,
  number: number,
): Promise<StoryContent | null> {
  if (!Number.isSafeInteger(number)) return null;
  const row = await db
    .selectFrom("article_revisions")
    .select("content_json")
    .where("article_id", "=", id)
    .where("number", "=", number)
    .executeTakeFirst();
  return row ? (JSON.parse(row.content_json) as StoryContent) : null;
}
