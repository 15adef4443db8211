import { createHash } from "node:crypto";
import type { DB } from "./db";
import { REPEAT_VIEW_WINDOW_MS, type ViewOutcome } from "../store";
import { isPublic } from "./queries/article-rows";

/**
 * A reader id as stored: SHA-256 of the cookie's random id, first 32 hex characters. The raw
 * id never reaches the database, and no IP address is stored at all.
 */
export function hashReaderId(readerId: string): string {
  return createHash("sha256").update(readerId).digest("hex").slice(0, 32);
}

/**
 * Counts one page view of a public article by one reader, unless the same reader viewed the same
 * article within the last 30 minutes ({@link REPEAT_VIEW_WINDOW_MS}). Drafts, scheduled stories
 * and unknown ids are not counted ("not-found"). `now`: ISO 8601 UTC. Throws only on database errors.
 * `lockReader`: the backend's lock on (story, reader) for the rest of the transaction, taken
 * before the repeat check, so that simultaneous views of one reader count once (PostgreSQL's
 * transactions run side by side; SQLite's single writer needs none).
 * Crawlers and prefetches are filtered before this is called (app/api/views, lib/crawlers.ts).
 */
export async function recordPageView(
  db: DB,
  view: { articleId: number; readerId: string; now: string },
  lockReader?: (trx: DB, articleId: number, readerHash: string) => Promise<void>,
): Promise<ViewOutcome> {
  const readerHash = hashReaderId(view.readerId);
  const since = new Date(Date.parse(view.now) - REPEAT_VIEW_WINDOW_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const article = await trx
      .selectFrom("articles as a")
      .select("a.id")
      .where("a.id", "=", view.articleId)
      .where(isPublic(view.now))
      .executeTakeFirst();
    if (!article) return { counted: false, reason: "not-found" } as const;
    await lockReader?.(trx, view.articleId, readerHash);
    const recent = await trx
      .selectFrom("page_views")
      .select("id")
      .where("article_id", "=", view.articleId)
      .where("reader_hash", "=", readerHash)
      .where("viewed_at", ">", since)
      .executeTakeFirst();
    if (recent) return { counted: false, reason: "repeat" } as const;
    await trx
      .insertInto("page_views")
      .values({ article_id: view.articleId, reader_hash: readerHash, viewed_at: view.now })
      .execute();
    return { counted: true } as const;
  });
}
