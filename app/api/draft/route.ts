import { redirect } from "next/navigation";
import { z } from "zod";
import { getStoryStateNow, isPreviewLinkLive, startPreviewSession } from "@/lib/news";
import {
  isDraftSecret,
  PREVIEW_LINK_AUDIENCE,
  verifyPreviewToken,
  type PreviewGrant,
} from "@/lib/preview/tokens";
import { articleIdSchema, articlePath } from "@/lib/urls";

/**
 * GET /api/draft?token=… (a signed preview link: "Share preview" or `npm run preview-link`), or
 * GET /api/draft?secret=DRAFT_SECRET&id=ARTICLE_ID (for a CMS): turns on Draft Mode plus a preview
 * session for that one article (an HttpOnly cookie holding a signed token that expires with the
 * link, at most 24 hours) and redirects (307) to the article's own path, built here from the
 * database, never from the query string. A link naming a preview_links row needs that row
 * unrevoked and unexpired (lib/preview/link-check.ts); the session carries the row, so revoking
 * it ends the preview too. Anything invalid, expired, revoked, tampered with or naming an
 * unknown article or revision answers 401 and sets no cookie.
 */
const querySchema = z.union([
  z.object({ token: z.string().min(1).max(2_000) }),
  z.object({
    secret: z.string().min(1).max(500),
    id: articleIdSchema,
  }),
]);

const refuse = (message: string) =>
  new Response(`${message}\n`, {
    status: 401,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) return refuse("Preview needs ?token=… or ?secret=…&id=….");

  let grant: PreviewGrant;
  if ("token" in parsed.data) {
    const link = await verifyPreviewToken(parsed.data.token, PREVIEW_LINK_AUDIENCE);
    if (!link || !(await isPreviewLinkLive(link)))
      return refuse("This preview link is invalid, has expired or was revoked. Ask for a new one.");
    grant = link;
  } else {
    if (!isDraftSecret(parsed.data.secret)) return refuse("Wrong preview secret.");
    grant = {
      articleId: parsed.data.id,
      expiresAt: Math.floor(Date.now() / 1000) + 24 * 60 * 60,
      linkId: null,
      revision: null,
    };
  }

  const state = await getStoryStateNow(grant.articleId);
  if (!state) return refuse("There is no article with that id.");

  await startPreviewSession(grant, new URL(request.url).protocol === "https:");
  redirect(articlePath(grant.articleId, state.slug));
}
