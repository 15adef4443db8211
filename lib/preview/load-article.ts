import { cachedArticle } from "../cached";
import { getDb } from "../db/connection";
import type { Article } from "../domain";
import { getArticleById } from "../queries/articles";
import { getArticleState, type ArticleState } from "../queries/article-state";
import { previewedArticleId } from "./session";

/**
 * The article for an article page: for readers, the public article from the cache (null if
 * there is none); for an editor previewing exactly this article (lib/preview/session.ts), the
 * article in any state, read straight from the database, with its state for the banner. Draft
 * Mode keeps that read and the page render out of every cache readers are served from.
 */
export async function loadArticleForPage(
  id: number,
): Promise<{ article: Article; preview: ArticleState | null } | null> {
  if ((await previewedArticleId()) === id) {
    const db = await getDb();
    const now = new Date().toISOString();
    const [article, state] = await Promise.all([
      getArticleById(db, id, now, { unpublished: true }),
      getArticleState(db, id, now),
    ]);
    return article && state ? { article, preview: state } : null;
  }
  const article = await cachedArticle(id);
  return article ? { article, preview: null } : null;
}
