import { NextResponse, type NextRequest } from "next/server";
import { articleIdSchema } from "@/lib/article-params";
import { canonicalArticleSlug } from "@/lib/article-slugs";
import { INTERNAL_FRONT_PREFIX } from "@/lib/front-params";

/**
 * One URL per page (the routing itself is `rewrites` in next.config.js). Any
 * other spelling of a front's URL answers with exactly one permanent redirect (308) to the
 * canonical one, keeping the rest of the query string:
 * - upper case in the path ("/National/Politics") is lowered;
 * - "?page=1" and an empty "?page=" go to the bare path, and of repeated "page" values the first counts;
 * - the internal route "/section-front/N/world" goes to its public URL "/world?page=N";
 * - an article without its slug, or with a wrong one, goes to "/article/{id}/{slug}".
 * Redirects are built on the request's own URL, so they never leave the site. A path with a
 * malformed percent-escape is a plain 404 here, before the router would fail on it.
 */
const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

export async function proxy(request: NextRequest) {
  if (!hasWellFormedEscapes(request.nextUrl.pathname)) {
    // A malformed percent-escape ("%E0%A4%A") names no page: 404, never the router's 500.
    return new NextResponse("Not found: the address contains a malformed percent-escape.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const segments = request.nextUrl.pathname.split("/").filter(Boolean);
  if (segments[0] === "article" && (segments.length === 2 || segments.length === 3))
    return articleRedirect(request, segments);
  if (segments.length > 2 && !request.nextUrl.pathname.startsWith(INTERNAL_FRONT_PREFIX))
    return NextResponse.next();
  const url = request.nextUrl.clone();
  const before = url.toString();

  if (
    url.pathname === INTERNAL_FRONT_PREFIX ||
    url.pathname.startsWith(`${INTERNAL_FRONT_PREFIX}/`)
  ) {
    const [page = "1", ...segments] = url.pathname
      .slice(INTERNAL_FRONT_PREFIX.length + 1)
      .split("/");
    url.pathname = `/${segments.join("/")}`;
    url.search = "";
    if (page !== "1" && segments.length > 0) url.searchParams.set("page", page);
  } else {
    const lower = url.pathname.toLowerCase();
    if (
      lower !== url.pathname &&
      lower
        .split("/")
        .filter(Boolean)
        .every((s) => SLUG.test(s))
    )
      url.pathname = lower;
  }

  const pages = url.searchParams.getAll("page");
  if (pages.length > 1 || pages[0] === "1" || pages[0] === "") {
    url.searchParams.delete("page");
    if (pages[0] && pages[0] !== "1") url.searchParams.set("page", pages[0]);
  }
  return url.toString() === before ? NextResponse.next() : NextResponse.redirect(url, 308);
}

/** "/article/{id}" and "/article/{id}/{wrong-slug}" → one 308 to "/article/{id}/{slug}", query kept. */
async function articleRedirect(request: NextRequest, [, rawId, slug]: string[]) {
  const id = articleIdSchema.safeParse(rawId);
  const canonical = id.success ? await canonicalArticleSlug(id.data) : null;
  if (canonical === null || slug === canonical) return NextResponse.next(); // the page answers (or 404s)
  const url = request.nextUrl.clone();
  url.pathname = `/article/${id.data}/${canonical}`;
  return NextResponse.redirect(url, 308);
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
  // Every page path; not Next.js's own assets or the photographs.
  matcher: ["/((?!_next/static|_next/image|images/).*)"],
};
