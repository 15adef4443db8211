import type { ArticleStatus } from "../db/schema";
import type { DB } from "../db/connection";
import { isPublic } from "./article-rows";

/**
 * Where an article stands for a reader at `now` (ISO 8601 UTC):
 * - "public": published (or scheduled and due), not withdrawn;
 * - "withdrawn": was public and has been taken down (its URL answers 410 Gone);
 * - "unpublished": a draft, or scheduled for later (its URL is a 404 for readers);
 * or undefined for an unknown id. With the slug, the status and the planned publication time.
 */
export type ArticleState = {
  slug: string;
  state: "public" | "withdrawn" | "unpublished";
  status: ArticleStatus;
  publishedAt: string | null;
};

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
