import type { ArticleState } from "../../../domain";
import type { DB } from "../connection";
import { isPublic } from "./article-rows";

/** Where the article `id` stands for a reader at `now` (ISO 8601 UTC); undefined for an unknown id. */
export async function getArticleState(
  db: DB,
  id: number,
  now: string,
): Promise<ArticleState | undefined> {
  const row = await db
    .selectFrom("articles as a")
    .select(["a.slug", "a.status", "a.published_at", "a.withdrawn_at"])
    .select((eb) => isPublic(now)(eb).as("is_public"))
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const state = row.is_public
    ? "public"
    : row.withdrawn_at !== null && row.status !== "draft"
      ? "withdrawn"
      : "unpublished";
  return { slug: row.slug, state, status: row.status, publishedAt: row.published_at };
}
