import { getDb } from "./db/connection";
import { getPublicArticleSlug } from "./queries/article-slug";

/**
 * Canonical article slugs for proxy.ts, which redirects wrong or missing slugs itself (a
 * redirect cached by the page router is sent with its Location header twice,
 * vercel/next.js#82117). Kept in memory for 60 s per id, like the pages' own cache, so most
 * requests cost no query. Returns null for an id with no public article.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const slugs = new Map<number, { slug: string | null; expires: number }>();

export async function canonicalArticleSlug(id: number): Promise<string | null> {
  const now = Date.now();
  const hit = slugs.get(id);
  if (hit && hit.expires > now) return hit.slug;
  const slug = (await getPublicArticleSlug(await getDb(), id, new Date(now).toISOString())) ?? null;
  if (slugs.size >= MAX_ENTRIES) slugs.delete(slugs.keys().next().value!);
  slugs.set(id, { slug, expires: now + TTL_MS });
  return slug;
}
