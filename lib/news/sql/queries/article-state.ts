import type { ArticleState } from "../../../domain";
import { sectionPath } from "../../../urls";
import type { DB } from "../db";
import { isPublic } from "./article-rows";

/** Where the article `id` stands for a reader at `now` (ISO 8601 UTC); undefined for an unknown id. */
export async function getArticleState(
  db: DB,
  id: number,
  now: string,
): Promise<ArticleState | undefined> {
  const row = await db
    .selectFrom("articles as a")
    .innerJoin("sections as s", "s.id", "a.section_id")
    .leftJoin("sections as p", "p.id", "s.parent_id")
    .select(["a.slug", "a.status", "a.published_at", "a.withdrawn_at"])
    .select(["s.slug as section_slug", "p.slug as parent_slug"])
    .select((eb) => isPublic(now)(eb).as("is_public"))
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const state = row.is_public
    ? "public"
    : row.withdrawn_at !== null && row.status !== "draft"
      ? "withdrawn"
      : "unpublished";
  return {
    slug: row.slug,
    state,
    status: row.status,
    publishedAt: row.published_at,
    sectionPath: row.parent_slug
      ? sectionPath(row.parent_slug, row.section_slug)
      : sectionPath(row.section_slug),
  };
}
