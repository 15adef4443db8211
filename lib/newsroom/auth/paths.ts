/**
 * The request header proxy.ts sets on every /newsroom request to the path (and query) asked
 * for, so a page's guard can send the visitor back there after signing in. The proxy always
 * overwrites what a client sent; the value is checked by safeNext() anyway.
 */
export const NEWSROOM_PATH_HEADER = "x-herald-newsroom-path";

export const SIGN_IN_PATH = "/newsroom/sign-in";

/**
 * `next` if it is a same-site newsroom path ("/newsroom" or "/newsroom/…", no scheme, host,
 * backslash or control character), otherwise "/newsroom": where sign-in may send someone, so it
 * is never an open redirect.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000) return "/newsroom";
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return "/newsroom";
  let url: URL;
  try {
    url = new URL(next, "http://herald.invalid");
  } catch {
    return "/newsroom";
  }
  if (url.origin !== "http://herald.invalid") return "/newsroom";
  if (url.pathname !== "/newsroom" && !url.pathname.startsWith("/newsroom/")) return "/newsroom";
  if (url.pathname === SIGN_IN_PATH) return "/newsroom";
  return url.pathname + url.search;
}

/** The sign-in page's URL that brings the visitor back to `next` (when it is a safe one). */
export function signInPath(next: string | null | undefined): string {
  const target = safeNext(next);
  return target === "/newsroom"
    ? SIGN_IN_PATH
    : `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}`;
}
