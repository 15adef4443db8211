import { NextResponse, type NextRequest } from "next/server";
import { NEWSROOM_PATH_HEADER, SIGN_IN_PATH, signInPath } from "../newsroom/auth/paths";

/** Every newsroom response: never stored by a browser's or anyone's shared cache. */
export const NEWSROOM_CACHE_CONTROL = "private, no-store";

/** Whether `pathname` is the newsroom's ("/newsroom" or below). */
export function isNewsroomPath(pathname: string): boolean {
  return pathname === "/newsroom" || pathname.startsWith("/newsroom/");
}

/** Whether the request carries a newsroom session cookie at all (`herald.session_token`, `__Secure-` on https). */
export function hasSessionCookie(request: Pick<NextRequest, "cookies">): boolean {
  return request.cookies
    .getAll()
    .some(
      ({ name, value }) =>
        value !== "" &&
        (name === "herald.session_token" || name === "__Secure-herald.session_token"),
    );
}

/**
 * Whether a POST comes from another site: its Origin (or, without one, its Referer) names a host
 * other than the request's. Next.js checks Server Actions' Origin too, but answers a mismatch
 * with an error page; this refuses it plainly first. A POST with neither header is refused too:
 * every browser sends Origin on a form post.
 */
export function isCrossSitePost(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (!source || source === "null") return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(source).host !== host;
  } catch {
    return true;
  }
}

/**
 * The proxy's part of the newsroom (docs/newsroom.md): refuses a cross-site POST (403); sends a
 * page request without any session cookie to sign-in (so no newsroom HTML is rendered for it);
 * tells the page its own path (NEWSROOM_PATH_HEADER, overwriting what a client sent) for the
 * guard's redirect; marks every answer `Cache-Control: private, no-store`. The session itself is
 * checked by every page and action on the server (lib/newsroom/session.ts): a cookie here only
 * gets the request that far.
 */
export function newsroomProxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  let response: NextResponse;
  if (isCrossSitePost(request)) {
    response = new NextResponse("Cross-site requests to the newsroom are refused.\n", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  } else if (pathname !== SIGN_IN_PATH && !hasSessionCookie(request)) {
    response = NextResponse.redirect(new URL(signInPath(pathname + search), request.url), 303);
  } else {
    const headers = new Headers(request.headers);
    headers.set(NEWSROOM_PATH_HEADER, pathname + search);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Cache-Control", NEWSROOM_CACHE_CONTROL);
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}
