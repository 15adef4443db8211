import { NextResponse, type NextRequest } from "next/server";
import { INTERNAL_FRONT_PREFIX } from "@/lib/front-params";

/**
 * Routes section fronts. "/national", "/national/politics" and their "?page=N" variants are
 * rewritten to the internal route "/section-front/N/national/politics", so each page of a front
 * is a cacheable page of its own (a query string would make the route render on every request).
 * "?page=1" redirects to the bare path; the page number itself is validated by the route (bad
 * values are 404s). The internal route is not public: asking for it directly is a 404.
 * Top-level paths that belong to other routes (ROUTES_OF_OUR_OWN) pass through untouched.
 */
const ROUTES_OF_OUR_OWN = new Set([
  "article",
  "api",
  "privacy",
  "copyright",
  "ombudsman",
  "subscribe",
]);
const SEGMENT = /^[a-z0-9][a-z0-9-]{0,59}$/;

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const segments = pathname.split("/").filter(Boolean);
  if (pathname.startsWith(`${INTERNAL_FRONT_PREFIX}/`) || pathname === INTERNAL_FRONT_PREFIX) {
    return rewriteToFront(request, "0", ["not-a-section"]);
  }
  if (segments.length < 1 || segments.length > 2 || ROUTES_OF_OUR_OWN.has(segments[0]!))
    return NextResponse.next();
  if (!segments.every((s) => SEGMENT.test(s))) return NextResponse.next();

  const page = searchParams.get("page");
  if (page === "1") {
    const url = request.nextUrl.clone();
    url.searchParams.delete("page");
    return NextResponse.redirect(url, 308);
  }
  // A repeated or empty ?page= is as bad as ?page=abc: it reaches the route as "0", a 404.
  const pageParam = searchParams.getAll("page").length > 1 || page === "" ? "0" : (page ?? "1");
  return rewriteToFront(request, /^[0-9a-z-]{1,12}$/i.test(pageParam) ? pageParam : "0", segments);
}

function rewriteToFront(request: NextRequest, page: string, segments: string[]) {
  const url = request.nextUrl.clone();
  url.pathname = `${INTERNAL_FRONT_PREFIX}/${encodeURIComponent(page)}/${segments.join("/")}`;
  url.search = "";
  return NextResponse.rewrite(url);
}

export const config = {
  // Everything but Next's own assets, image optimizer and files with an extension.
  matcher: ["/((?!_next/|api/|article/|images/|.*\\.[a-z0-9]+$).*)"],
};
