import type { DB } from "./db";
import { isPublic } from "./queries/article-rows";

/**
 * Withdraws a public article at `now` (ISO 8601 UTC): it leaves every public list, feed and
 * sitemap (isPublic excludes it) and its URL answers 410 Gone. Only what readers could see can be
 * withdrawn: returns false for an unknown id, a draft, a story not yet due, or one already
 * withdrawn (so a 410 never reveals an unpublished story). Caches refresh within a minute.
 */
export async function withdrawArticle(db: DB, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("articles as a")
    .set({ withdrawn_at: now, updated_at: now })
    .where("a.id", "=", id)
    .where(isPublic(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
