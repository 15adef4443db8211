import { cookies, draftMode } from "next/headers";
import { PREVIEW_COOKIE, PREVIEW_SESSION_AUDIENCE, verifyPreviewToken } from "./tokens";

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
