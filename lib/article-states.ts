import { getDb } from "./db/connection";
import { getArticleState, type ArticleState } from "./queries/article-state";

/**
 * Article states for proxy.ts, which answers slug redirects and 410 Gone itself (a redirect
 * cached by the page router is sent with its Location header twice, vercel/next.js#82117, and a
 * page cannot answer 410). Kept in memory for 30 s per id, like the pages' own cache, so most
 * requests cost no query. Returns null for an unknown id.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const states = new Map<number, { state: ArticleState | null; expires: number }>();

export async function articleState(id: number): Promise<ArticleState | null> {
  const now = Date.now();
  const hit = states.get(id);
  if (hit && hit.expires > now) return hit.state;
  const state = (await getArticleState(await getDb(), id, new Date(now).toISOString())) ?? null;
  if (states.size >= MAX_ENTRIES) states.delete(states.keys().next().value!);
  states.set(id, { state, expires: now + TTL_MS });
  return state;
}
