import { NextResponse, type NextRequest } from "next/server";
import { INTERNAL_FRONT_PREFIX } from "@/lib/front-params";

/**
 * Keeps one URL per section-front page (the routing itself is in next.config.js, `rewrites`):
 * - "/world?page=1" and "/world?page=" redirect (308) to "/world", the same page's only URL, and
 *   "?page=2&page=3" to "?page=2";
 * - the internal route "/section-front/N/world" redirects to its public URL "/world?page=N",
 *   so it can never be reached, indexed or cached under a second address.
 * Redirects are built on the request's own URL and never leave the site.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  if (
    url.pathname === INTERNAL_FRONT_PREFIX ||
    url.pathname.startsWith(`${INTERNAL_FRONT_PREFIX}/`)
  ) {
    const [page = "1", ...segments] = url.pathname
      .slice(INTERNAL_FRONT_PREFIX.length + 1)
      .split("/");
    url.pathname = `/${segments.join("/")}`;
    url.search = page === "1" || segments.length === 0 ? "" : `?page=${page}`;
    return NextResponse.redirect(url, 308);
  }
  const pages = url.searchParams.getAll("page");
  if (pages.length > 1 || pages[0] === "1" || pages[0] === "") {
    // "?page=1" and an empty "?page=" are page 1; of repeated values, the first counts.
    url.searchParams.delete("page");
    if (pages[0] && pages[0] !== "1") url.searchParams.set("page", pages[0]);
    return NextResponse.redirect(url, 308);
  }
  return NextResponse.next();
}

export const config = {
  // Only paths that can be a section front (one or two slug segments) or the internal route.
  matcher: [
    "/section-front/:path*",
    "/:section([a-z0-9][a-z0-9-]{0,59})",
    "/:section([a-z0-9][a-z0-9-]{0,59})/:sub([a-z0-9][a-z0-9-]{0,59})",
  ],
};
