import "server-only";
import { cookies, draftMode } from "next/headers";
import type { Article, ArticleState } from "../domain";
import { isGrantLive } from "../preview/link-check";
import {
  PREVIEW_COOKIE,
  PREVIEW_SESSION_AUDIENCE,
  signPreviewToken,
  verifyPreviewToken,
  type PreviewGrant,
} from "../preview/tokens";
import { articlePath } from "../urls";
import { getStore } from "./connect";
import { getArticle } from "./reads";

/**
 * The preview grant of this request, or null. Preview needs both Next.js's Draft Mode (which
 * bypasses every cache for the request) and a valid, unexpired preview session cookie naming the
 * article: Draft Mode's own cookie is one value for the whole build, so it is never enough on its
 * own. A session made from a stored preview link is checked against its row on every request, so
 * a revoked link ends the preview at once (lib/preview/link-check.ts). Cookies are read only when
 * Draft Mode is on, so readers' pages stay statically cached.
 */
export async function previewGrant(): Promise<PreviewGrant | null> {
  if (!(await draftMode()).isEnabled) return null;
  const session = await verifyPreviewToken(
    (await cookies()).get(PREVIEW_COOKIE)?.value,
    PREVIEW_SESSION_AUDIENCE,
  );
  if (!session) return null;
  const live = await isGrantLive((await getStore()).newsroom(), session, Date.now());
  return live ? session : null;
}

/** The article an editor is previewing in this request, or null ({@link previewGrant}). */
export async function previewedArticleId(): Promise<number | null> {
  return (await previewGrant())?.articleId ?? null;
}

/**
 * What the preview banner says: where the story stands for readers, and whether the page shows
 * changes readers do not see yet (a newsroom revision other than the published one).
 */
export type PreviewState = ArticleState & {
  /** The newsroom revision shown, or null for a story without revisions (an imported one). */
  revision: number | null;
  /** The revision shown is not the one readers see on a published story. */
  pendingChanges: boolean;
};

/**
 * The article for an article page: for readers, the public article from the cache (null if
 * there is none); for an editor previewing exactly this article, the article in any state, read
 * straight from the database, with its state for the banner. A newsroom story shows the
 * revision its preview names, or its latest (lib/news/sql/newsroom/revision-article.ts), at the
 * story's public path; an imported story shows its articles row. Draft Mode keeps that read and
 * the page render out of every cache readers are served from.
 */
export async function getArticleForPage(
  id: number,
): Promise<{ article: Article; preview: PreviewState | null } | null> {
  const grant = await previewGrant();
  if (grant?.articleId === id) {
    const store = await getStore();
    const now = new Date().toISOString();
    const [state, story] = await Promise.all([
      store.articleState(id, now),
      store.newsroom().storyRevisionsState(id),
    ]);
    if (!state) return null;
    if (!story) {
      const article = await store.article(id, now, { unpublished: true });
      return article
        ? { article, preview: { ...state, revision: null, pendingChanges: false } }
        : null;
    }
    const revision = grant.revision ?? story.headRevision;
    const shown = await store.newsroom().revisionArticle(id, revision, now);
    if (!shown) return null;
    // The URL stays the one readers use (the proxy sends every other slug there).
    const article = { ...shown, slug: state.slug, path: articlePath(id, state.slug) };
    const pendingChanges = story.publishedRevision !== null && revision !== story.publishedRevision;
    return { article, preview: { ...state, revision, pendingChanges } };
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

/**
 * Whether a verified preview link may start a preview now: its row stands (or it is a token made
 * before rows were kept) and the revision it names exists. Read from the database, never a cache.
 */
export async function isPreviewLinkLive(grant: PreviewGrant): Promise<boolean> {
  const newsroom = (await getStore()).newsroom();
  if (!(await isGrantLive(newsroom, grant, Date.now()))) return false;
  if (grant.revision === null) return true;
  const story = await newsroom.storyRevisionsState(grant.articleId);
  return story !== null && grant.revision <= story.headRevision;
}

/**
 * Turns on Draft Mode and sets the preview session cookie (HttpOnly, SameSite=Lax, Secure over
 * https) for `grant`'s article, link and revision, expiring with it. For route handlers that have
 * checked the grant; the caller then redirects to the story's public path.
 */
export async function startPreviewSession(grant: PreviewGrant, secure: boolean): Promise<void> {
  const now = Date.now();
  const seconds = Math.max(1, grant.expiresAt - Math.floor(now / 1000));
  const session = await signPreviewToken(grant.articleId, PREVIEW_SESSION_AUDIENCE, {
    seconds,
    now,
    linkId: grant.linkId,
    revision: grant.revision,
  });
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, session, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: seconds,
  });
}
