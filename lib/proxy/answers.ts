import { NextResponse, type NextRequest } from "next/server";
import { CACHE_CONTROL_HEADER, STATUS_HEADER } from "../http/error-pages.mjs";
import { errorPagePath, type ErrorPageStatus } from "../urls";

/**
 * The answers proxy.ts gives itself rather than pass a request on (docs/decisions/003-proxy.md):
 * error pages, permanent redirects and refused methods.
 */

/**
 * Cache-Control of each error page: a withdrawal is final, so a CDN may keep its 410 a minute; a
 * 503 is a pause (RFC 9110, 15.6.4) and a 500 a failure that nobody may store; a 404 keeps the page cache's own
 * (`s-maxage=30, stale-while-revalidate`), as every page does.
 */
const CACHE_CONTROL: Record<ErrorPageStatus, string | null> = {
  404: null,
  410: "public, s-maxage=60",
  500: "no-store",
  503: "no-store",
};

/**
 * The site's error page for `status`, rendered by app/errors/ (header, message, links onward,
 * `noindex`): a rewrite to its path (lib/urls.ts errorPagePath, with the section front a reader
 * may go on to), which server.mjs sends with `status` and its Cache-Control
 * (lib/http/error-pages.mjs: Next.js would send a rewritten page as 200). `retryAfter`: seconds,
 * for a 503's Retry-After.
 */
export function errorPage(
  request: NextRequest,
  status: ErrorPageStatus,
  { section = null, retryAfter }: { section?: string | null; retryAfter?: number } = {},
): NextResponse {
  const response = NextResponse.rewrite(new URL(errorPagePath(status, section), request.url));
  response.headers.set(STATUS_HEADER, String(status));
  const cacheControl = CACHE_CONTROL[status];
  if (cacheControl) response.headers.set(CACHE_CONTROL_HEADER, cacheControl);
  if (retryAfter !== undefined) response.headers.set("retry-after", String(retryAfter));
  return response;
}

/** One permanent redirect (308) to `to`, a URL of this site. */
export function redirectTo(to: URL): NextResponse {
  return NextResponse.redirect(to, 308);
}

/** Methods every route takes; route handlers under /api/ answer the rest themselves. */
const READ_METHODS = new Set(["GET", "HEAD"]);
const API_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Whether `request` only reads (GET or HEAD). */
export const isReadRequest = (request: NextRequest) =>
  READ_METHODS.has(request.method.toUpperCase());

/**
 * A 405 for a method the route cannot take, or null: GET and HEAD reach every route; POST
 * reaches a page only as a Server Action (it carries `Next-Action`); route handlers under /api/
 * and /newsroom/api/ (the newsroom's, e.g. POST /newsroom/api/photos) take the methods they
 * define (Next.js answers 405 for the rest).
 */
export function refuseMethod(request: NextRequest): NextResponse | null {
  const method = request.method.toUpperCase();
  if (READ_METHODS.has(method)) return null;
  const path = request.nextUrl.pathname;
  if ((path.startsWith("/api/") || path.startsWith("/newsroom/api/")) && API_METHODS.has(method))
    return null;
  if (method === "POST" && request.headers.has("next-action"))
    return refuseOversizedAction(request);
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
 * Next.js's cap on a Server Action's body (serverActions.bodySizeLimit, 1 MB by default:
 * node_modules/next/dist/docs/01-app/02-guides/server-actions.md).
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * A 413 for a Server Action post whose Content-Length is over {@link ACTION_BODY_LIMIT}, or
 * null. Next.js refuses such a body itself, but by throwing, so the client got a 500; the
 * largest body a story may hold (200,000 characters) posts well under it.
 */
function refuseOversizedAction(request: NextRequest): NextResponse | null {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!(length > ACTION_BODY_LIMIT)) return null;
  return new NextResponse("Request too large: at most 1 MB.", {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
