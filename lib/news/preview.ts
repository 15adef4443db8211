import "server-only";
import { cookies, draftMode } from "next/headers";
import type { Article, ArticleState } from "../domain";
import { PREVIEW_COOKIE, PREVIEW_SESSION_AUDIENCE, verifyPreviewToken } from "../preview/tokens";
import { getStore } from "./connect";
import { getArticle } from "./reads";

/**
 * The article an editor is previewing in this request, or null. Preview needs both Next.js's
 * Draft Mode (which bypasses every cache for the request) and a valid, unexpired preview session
 * cookie naming the article: Draft Mode's own cookie is one value for the whole build, so it is
 * never enough on its own. Cookies are read only when Draft Mode is on, so readers' pages stay
 * statically cached.
 */
export async function previewedArticleId(): Promise<number | null> {
  if (!(await draftMode()).isEnabled) return null;
  const session = await verifyPreviewToken(
    (await cookies()).get(PREVIEW_COOKIE)?.value,
    PREVIEW_SESSION_AUDIENCE,
  );
  return session?.articleId ?? null;
}

/**
 * The article for an article page: for readers, the public article from the cache (null if
 * there is none); for an editor previewing exactly this article, the article in any state, read
 * straight from the database, with its state for the banner. Draft Mode keeps that read and the
 * page render out of every cache readers are served from.
 */
export async function getArticleForPage(
  id: number,
): Promise<{ article: Article; preview: ArticleState | null } | null> {
  if ((await previewedArticleId()) === id) {
    const store = await getStore();
    const now = new Date().toISOString();
    const [article, state] = await Promise.all([
      store.article(id, now, { unpublished: true }),
      store.articleState(id, now),
    ]);
    return article && state ? { article, preview: state } : null;
  }
  const article = await getArticle(id);
  return article ? { article, preview: null } : null;
}

/**
 * Where story `id` stands right now, read from the database, never from a cache (the preview
 * routes decide on it); null for an unknown id.
 */
export async function getStoryStateNow(id: number): Promise<ArticleState | null> {
  return (await getStore()).articleState(id, new Date().toISOString());
}
