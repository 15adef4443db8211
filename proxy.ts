import { NextResponse, type NextRequest } from "next/server";
import { articleIdSchema } from "@/lib/article-params";
import { articleState } from "@/lib/article-states";
import { FIRST_PAGE_CURSOR, INTERNAL_FRONT_PREFIX } from "@/lib/front-params";

/**
 * One URL per page (the routing itself is `rewrites` in next.config.js). Any
 * other spelling of a front's URL answers with exactly one permanent redirect (308) to the
 * canonical one, keeping the rest of the query string:
 * - upper case in the path ("/National/Politics") is lowered;
 * - an empty "?before=" goes to the bare path, and of repeated "before" values the first counts;
 * - the internal route "/section-front/ID/world" goes to its public URL "/world?before=ID";
 * - an article without its slug, or with a wrong one, goes to "/article/{id}/{slug}";
 * - a withdrawn article answers 410 Gone;
 * - repeated slashes fold, in the same single redirect.
 * Redirects are built on the request's own URL, so they never leave the site. A path with a
 * malformed percent-escape is a plain 404 here, before the router would fail on it.
 */
const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** Routes that take a POST; everything else is read-only. */
const POST_ROUTES = new Set(["/api/views", "/api/draft/exit"]);

export async function proxy(request: NextRequest) {
  const method = request.method.toUpperCase();
  if (
    method !== "GET" &&
    method !== "HEAD" &&
    !(method === "POST" && POST_ROUTES.has(request.nextUrl.pathname))
  ) {
    // Answered here, so a stray PUT can never reach a cached route and leave a 405 in its cache.
    return new NextResponse("Method not allowed.", {
      status: 405,
      headers: {
        allow: "GET, HEAD",
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
      },
    });
  }
  if (!hasWellFormedEscapes(request.nextUrl.pathname)) {
    // A malformed percent-escape ("%E0%A4%A") names no page: 404, never the router's 500.
    return new NextResponse("Not found: the address contains a malformed percent-escape.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (/^\/(_next\/|images\/)/.test(request.nextUrl.pathname)) return NextResponse.next();

  // Every normalisation below edits `url`; a changed URL is then one redirect (308).
  const url = request.nextUrl.clone();
  const original = url.toString();
  // Repeated slashes fold, so "//evil.example" can never become a protocol-relative Location.
  // (Trailing slashes are Next.js's own redirect, before this runs.)
  url.pathname = url.pathname.replace(/\/{2,}/g, "/");
  const segments = url.pathname.split("/").filter(Boolean);

  if (
    segments[0]?.toLowerCase() === "article" &&
    (segments.length === 2 || segments.length === 3)
  ) {
    const outcome = await articleUrl(url, segments);
    if (outcome === "gone") return gone();
  } else if (
    url.pathname === INTERNAL_FRONT_PREFIX ||
    url.pathname.startsWith(`${INTERNAL_FRONT_PREFIX}/`)
  ) {
    const [cursor = FIRST_PAGE_CURSOR, ...front] = segments.slice(1);
    url.pathname = `/${front.join("/")}`;
    url.search = "";
    if (cursor !== FIRST_PAGE_CURSOR && front.length > 0) url.searchParams.set("before", cursor);
  } else if (segments.length <= 2) {
    const lower = url.pathname.toLowerCase();
    if (lower !== url.pathname && segments.every((s) => SLUG.test(s.toLowerCase())))
      url.pathname = lower;
  }

  if (segments.length <= 2 && segments[0]?.toLowerCase() !== "article") {
    const cursors = url.searchParams.getAll("before");
    if (cursors.length > 1 || cursors[0] === "") {
      // An empty "?before=" is the first page; of repeated values, the first counts.
      url.searchParams.delete("before");
      if (cursors[0]) url.searchParams.set("before", cursors[0]);
    }
  }
  return url.toString() === original ? NextResponse.next() : NextResponse.redirect(url, 308);
}

/**
 * Points `url` at an article's canonical path when the article is public ("/Article/%33" or a
 * wrong or missing slug → "/article/3/{slug}"), or says "gone" for a withdrawn one (410). Leaves
 * `url` alone for anything else: the page answers (a 404 for readers, or an editor's preview).
 */
async function articleUrl(url: URL, [, rawId = "", slug]: string[]): Promise<"gone" | void> {
  // The id as the router will read it: "%33" is "3", so no spelling gets past the 410 or the redirect.
  const id = articleIdSchema.safeParse(decodeURIComponent(rawId));
  const state = id.success ? await articleState(id.data) : null;
  if (state?.state === "withdrawn") return "gone";
  if (
    id.success &&
    state?.state === "public" &&
    (slug !== state.slug || rawId !== String(id.data) || url.pathname.startsWith("/A"))
  )
    url.pathname = `/article/${id.data}/${state.slug}`;
}

/** 410 Gone (RFC 9110, 15.5.11): the story was withdrawn on purpose and will not come back. */
function gone() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article withdrawn</title></head><body style="font-family:Georgia,serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>This article has been withdrawn</h1><p>The story that was published at this address has been taken down and is no longer available.</p><p><a href="/">Go to the front page</a></p></body></html>`;
  return new NextResponse(html, {
    status: 410,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, s-maxage=60" },
  });
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
  // Every path: pages get the rules above; Next.js's assets and the photographs only the method check.
  matcher: ["/:path*"],
};
