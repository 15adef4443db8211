import { NextResponse, type NextRequest } from "next/server";
import { isPageCached } from "@/lib/cache/cache-rules.mjs";
import { REPLAY_HEADER, replayedStatus } from "@/lib/http/error-replay.mjs";
import { FOLDED_HEADER, foldToken, hasMalformedEscape } from "@/lib/http/raw-url.mjs";
import {
  currentOutage,
  getLegacyPath,
  isStoryListPage,
  getStoryState,
  isSectionFrontPath,
  probeStore,
  RETRY_AFTER_SECONDS,
  StoreUnavailableError,
} from "@/lib/news";
import { PREVIEW_COOKIE } from "@/lib/preview/tokens";
import { errorPage, isReadRequest, redirectTo, refuseMethod } from "@/lib/proxy/answers";
import { isNewsroomPath, newsroomProxy } from "@/lib/proxy/newsroom";
import { resolveRequest, type Lookups } from "@/lib/proxy/canonical";

/**
 * What must happen before Next.js's router, and nothing else (docs/decisions/003-proxy.md).
 * Routing itself is the folders of app/: a new folder works without touching this file.
 *
 * 1. Methods (lib/proxy/answers.ts refuseMethod). GET and HEAD reach every route; POST reaches a
 *    page only as a Server Action; route handlers under /api/ take the methods they define.
 *    Anything else (PUT or DELETE on a page, PROPFIND) is a 405 here, so no cached page ever
 *    renders for it. TRACE, CONNECT and methods Node.js does not know never get here: server.mjs
 *    refuses them (docs/decisions/030-own-http-server.md).
 * 2. While the database is failing (lib/news/outage.ts; probed at most once a second), a page
 *    the cache can serve as it is goes on to the cache; every other request but a file's gets
 *    the 503 page with `Retry-After`, rather than a page that would fail.
 * 3. One canonical URL per page, in exactly one permanent redirect (308) built on the request's
 *    own URL, so it never leaves the site; and the misses the proxy can see before a page renders
 *    answer the site's 404 or 410 page (lib/proxy/canonical.ts has the list). The error pages are
 *    pages of the site (app/errors/), reached by a rewrite; server.mjs gives them their status
 *    (docs/decisions/032-error-pages.md). A page's own `notFound()`, or a page that throws,
 *    answers an empty page to readers without JavaScript (vercel/next.js#62228): server.mjs then
 *    asks again for "/errors/404" or "/errors/500" (lib/http/error-replay.mjs), answered here.
 * 4. The newsroom (/newsroom/**) is never a section front: lib/proxy/newsroom.ts refuses
 *    cross-site posts, sends a request without a session cookie to sign-in, and marks every
 *    answer private and uncacheable; the pages check the session themselves.
 */
export async function proxy(request: NextRequest) {
  const refusal = refuseMethod(request);
  if (refusal) return refusal;
  if (!STATIC_FILE.test(request.nextUrl.pathname)) {
    await probeStore();
    const outage = currentOutage();
    if (outage) {
      // Straight to the cache, asking the store nothing (not even for the redirects below).
      if (isReadRequest(request) && isPageCached(request.nextUrl.pathname))
        return NextResponse.next();
      return errorPage(request, 503, { retryAfter: outage.retryAfter });
    }
  }
  // server.mjs hands on a page Next.js answered with its empty 404 or 500 as the error page.
  const replayed = replayedStatus(request.nextUrl.pathname, request.headers.get(REPLAY_HEADER));
  if (replayed) return errorPage(request, replayed);
  // server.mjs answers these first (lib/http/raw-url.mjs); this is for `next dev`.
  if (hasMalformedEscape(request.nextUrl.pathname)) return errorPage(request, 404);
  // The newsroom is app/newsroom's, never a section front (lib/proxy/newsroom.ts).
  if (isNewsroomPath(request.nextUrl.pathname)) return newsroomProxy(request);

  try {
    const outcome = await resolveRequest(new URL(request.url), LOOKUPS, {
      folded: request.headers.get(FOLDED_HEADER) === foldToken(),
      preview: request.cookies.has(PREVIEW_COOKIE),
    });
    if (outcome.kind === "redirect") return redirectTo(outcome.to);
    if (outcome.kind === "error")
      return errorPage(request, outcome.status, { section: outcome.section });
    return NextResponse.next();
  } catch (error) {
    if (error instanceof StoreUnavailableError)
      return errorPage(request, 503, { retryAfter: RETRY_AFTER_SECONDS });
    throw error;
  }
}

const LOOKUPS: Lookups = {
  storyState: getStoryState,
  isFront: isSectionFrontPath,
  legacyPath: getLegacyPath,
  storyList: isStoryListPage,
};

/** Files of public/ (photographs, fonts, icons): they need no database, so an outage spares them. */
const STATIC_FILE = /^\/(images|fonts)\/|^\/[^/]+\.(png|jpe?g|webp|avif|gif|svg|ico)$/i;

export const config = {
  // Not Next.js's build assets or its image optimizer. Files of public/ stay matched for the
  // method check alone: Next.js answers a PUT to a public file by rendering a pages-router
  // "/405" page, which an app-router site lacks, so it would be a 500 (docs/decisions/003-proxy.md).
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
