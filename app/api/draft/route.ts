import { cookies, draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getStoryStateNow } from "@/lib/news";
import {
  isDraftSecret,
  PREVIEW_COOKIE,
  PREVIEW_LINK_AUDIENCE,
  PREVIEW_SESSION_AUDIENCE,
  signPreviewToken,
  verifyPreviewToken,
} from "@/lib/preview/tokens";
import { articleIdSchema, articlePath } from "@/lib/urls";

/**
 * GET /api/draft?token=… (a signed preview link from `npm run preview-link`), or
 * GET /api/draft?secret=DRAFT_SECRET&id=ARTICLE_ID (for a CMS): turns on Draft Mode plus a preview
 * session for that one article (an HttpOnly cookie holding a signed token that expires with the
 * link, at most 24 hours) and redirects (307) to the article's own path, built here from the
 * database, never from the query string. Anything invalid, expired, tampered with or naming an
 * unknown article answers 401 and sets no cookie.
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

  const now = Date.now();
  let articleId: number;
  let expiresAt: number;
  if ("token" in parsed.data) {
    const link = await verifyPreviewToken(parsed.data.token, PREVIEW_LINK_AUDIENCE);
    if (!link) return refuse("This preview link is invalid or has expired. Ask for a new one.");
    ({ articleId, expiresAt } = link);
  } else {
    if (!isDraftSecret(parsed.data.secret)) return refuse("Wrong preview secret.");
    articleId = parsed.data.id;
    expiresAt = Math.floor(now / 1000) + 24 * 60 * 60;
  }

  const state = await getStoryStateNow(articleId);
  if (!state) return refuse("There is no article with that id.");

  const seconds = Math.max(1, expiresAt - Math.floor(now / 1000));
  const session = await signPreviewToken(articleId, PREVIEW_SESSION_AUDIENCE, { seconds, now });
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, session, {
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(request.url).protocol === "https:",
    path: "/",
    maxAge: seconds,
  });
  redirect(articlePath(articleId, state.slug));
}
