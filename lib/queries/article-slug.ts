import type { DB } from "../db/connection";
import { isPublic } from "./article-rows";

/**
 * The slug of a public article, or undefined when there is no public article with that id
 * (unknown, draft, not yet due): so a redirect never reveals that a draft exists. `now`: ISO UTC.
 */
export async function getPublicArticleSlug(
  db: DB,
  id: number,
  now: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("articles as a")
    .select("a.slug")
    .where("a.id", "=", id)
    .where(isPublic(now))
    .executeTakeFirst();
  return row?.slug;
}
