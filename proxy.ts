import { NextResponse, type NextRequest } from "next/server";
import { isPageCached } from "@/lib/cache/memory-cache-handler.mjs";
import {
  currentOutage,
  getStoryState,
  isSectionFrontPath,
  probeStore,
  RETRY_AFTER_SECONDS,
  StoreUnavailableError,
} from "@/lib/news";
import {
  articleIdSchema,
  articlePath,
  frontCursorSchema,
  frontPagePath,
  OLDER_PAGE_SEGMENT,
  SLUG_PATTERN,
} from "@/lib/urls";

/**
 * What must happen before Next.js's router, and nothing else (docs/decisions/003-proxy.md).
 * Routing itself is the folders of app/: a new folder works without touching this file.
 *
 * 1. Methods. GET and HEAD reach every route; POST reaches a page only as a Server Action (it
 *    carries `Next-Action`); route handlers under /api/ take the methods they define (Next.js
 *    answers 405 for the rest). Anything else (PUT or DELETE on a page, PROPFIND) is a 405
 *    here, so no cached page ever renders for it. TRACE, CONNECT and methods Node.js does not
 *    know never get here: server.mjs refuses them (docs/decisions/030-own-http-server.md).
 * 2. A malformed percent-escape is a plain 404, before the router would fail on it.
 * 3. One canonical URL per page, in exactly one permanent redirect (308), built on the request's
 *    own URL so it never leaves the site; repeated slashes fold in the same redirect:
 *    - an article without its slug, or with a wrong one, or "/Article/%33": "/article/{id}/{slug}"
 *      (a cached page's own redirect is sent with its Location header twice, vercel/next.js#82117);
 *    - a withdrawn article answers 410 Gone (a page cannot);
 *    - a section front in other letter case ("/National/Politics"): its lower-case path;
 *    - a front's older page in the form of earlier versions, "/national?before=123": its path
 *      "/national/before/123" (pages are cached whole, so they cannot read a query string).
 * 4. While the database is failing (lib/news/outage.ts; probed at most once a second), a page
 *    the cache can serve as it is goes on to the cache; every other request but a file's
 *    answers a server-rendered 503 with `Retry-After`, rather than a page that would fail.
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
      return unavailable(outage.retryAfter);
    }
  }
  if (!hasWellFormedEscapes(request.nextUrl.pathname)) {
    return new NextResponse("Not found: the address contains a malformed percent-escape.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }

  const url = request.nextUrl.clone();
  const original = url.toString();
  // Repeated slashes fold, so "//evil.example" can never become a protocol-relative Location.
  // (Trailing slashes are Next.js's own redirect, before this runs.)
  url.pathname = url.pathname.replace(/\/{2,}/g, "/");
  const segments = url.pathname.split("/").filter(Boolean);

  try {
    if (segments[0]?.toLowerCase() === "article" && segments.length >= 2 && segments.length <= 3) {
      if ((await canonicalArticle(url, segments)) === "gone") return gone();
    } else if (segments.length >= 1 && segments.length <= 2) {
      await canonicalFront(url);
    }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return unavailable(RETRY_AFTER_SECONDS);
    throw error;
  }
  return url.toString() === original ? NextResponse.next() : NextResponse.redirect(url, 308);
}

const isReadRequest = (request: NextRequest) => READ_METHODS.has(request.method.toUpperCase());

/** Methods every route takes; route handlers under /api/ answer the rest themselves. */
const READ_METHODS = new Set(["GET", "HEAD"]);
const API_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function refuseMethod(request: NextRequest): NextResponse | null {
  const method = request.method.toUpperCase();
  if (READ_METHODS.has(method)) return null;
  if (request.nextUrl.pathname.startsWith("/api/") && API_METHODS.has(method)) return null;
  if (method === "POST" && request.headers.has("next-action")) return null;
  return new NextResponse("Method not allowed.", {
    status: 405,
    headers: {
      allow: "GET, HEAD",
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
    },
  });
}

/**
 * Points `url` at an article's canonical path when the article is public, or says "gone" for a
 * withdrawn one. Leaves `url` alone for anything else: the page answers (a 404 for readers, or
 * an editor's preview).
 */
async function canonicalArticle(url: URL, [, rawId = "", slug]: string[]): Promise<"gone" | void> {
  // The id as the router will read it: "%33" is "3", so no spelling gets past the 410 or the redirect.
  const id = articleIdSchema.safeParse(decodeURIComponent(rawId));
  if (!id.success) return;
  const state = await getStoryState(id.data);
  if (state?.state === "withdrawn") return "gone";
  if (
    state?.state === "public" &&
    (slug !== state.slug || rawId !== String(id.data) || url.pathname.startsWith("/A"))
  )
    url.pathname = articlePath(id.data, state.slug);
}

/**
 * Section fronts: lower-cases the path of a front spelled in other letter case, and turns the
 * earlier "?before=ID" paging into the page's path (an empty value is the first page; of
 * repeated values, the first counts; a malformed one goes to the path that answers 404).
 * Paths that are not section fronts (other top-level routes) are left alone.
 */
async function canonicalFront(url: URL): Promise<void> {
  const lower = url.pathname.toLowerCase();
  // Only a path of slugs can be a front: files ("/images/logo.png") never ask the store.
  if (!lower.split("/").every((s) => s === "" || SLUG_PATTERN.test(s))) return;
  if (!(await isSectionFrontPath(lower))) return;
  url.pathname = lower;
  const cursors = url.searchParams.getAll("before");
  if (cursors.length === 0) return;
  url.searchParams.delete("before");
  const [first = ""] = cursors;
  if (first === "") return;
  const cursor = frontCursorSchema.safeParse(first);
  url.pathname = cursor.success
    ? frontPagePath(lower, cursor.data)
    : `${lower}/${OLDER_PAGE_SEGMENT}/${encodeURIComponent(first)}`;
}

/** Files of public/ (photographs, fonts, icons): they need no database, so an outage spares them. */
const STATIC_FILE = /^\/(images|fonts)\/|^\/[^/]+\.(png|jpe?g|webp|avif|gif|svg|ico)$/i;

/**
 * 503 Service Unavailable (RFC 9110, 15.6.4) while the database fails: readers get a page saying
 * so, crawlers and CDNs a `Retry-After` and no cacheable copy.
 */
function unavailable(retryAfter: number) {
  const html = plainPage(
    "Briefly unavailable",
    "This page is briefly unavailable",
    "<p>We cannot reach our stories just now. Please try again in a minute.</p>",
  );
  return new NextResponse(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(retryAfter),
    },
  });
}

/** 410 Gone (RFC 9110, 15.5.11): the story was withdrawn on purpose and will not come back. */
function gone() {
  const html = plainPage(
    "Article withdrawn",
    "This article has been withdrawn",
    '<p>The story that was published at this address has been taken down and is no longer available.</p><p><a href="/">Go to the front page</a></p>',
  );
  return new NextResponse(html, {
    status: 410,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, s-maxage=60" },
  });
}

/** A small, self-contained, noindex HTML page for the proxy's own answers (no app render). */
function plainPage(title: string, heading: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:Georgia,serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${heading}</h1>${bodyHtml}</body></html>`;
}

function hasWellFormedEscapes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Not Next.js's build assets or its image optimizer. Files of public/ stay matched for the
  // method check alone: Next.js answers a PUT to a public file by rendering a pages-router
  // "/405" page, which an app-router site lacks, so it would be a 500 (docs/decisions/003-proxy.md).
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
