import type { DB } from "./db/connection";

/**
 * Withdraws an article at `now` (ISO 8601 UTC): it leaves every public list, feed and sitemap at
 * once (isPublic excludes it) and its URL answers 410 Gone. Returns false for an unknown id or an
 * article already withdrawn. Caches refresh within a minute (README, "How fresh pages are").
 */
export async function withdrawArticle(db: DB, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("articles")
    .set({ withdrawn_at: now, updated_at: now })
    .where("id", "=", id)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
