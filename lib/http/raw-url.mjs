// @ts-check
/**
 * What server.mjs reads in a request's target (`req.url`, as the client sent it) before Next.js
 * parses it (docs/decisions/032-error-pages.md). Next.js's URL parser resolves dot segments in any
 * spelling ("/world/%2e%2e" is "/"), and its router answers repeated slashes ("//x/") with a
 * redirect of its own before proxy.ts runs, so the proxy could neither refuse the first nor fold
 * the second into its one canonical redirect.
 */
import { randomUUID } from "node:crypto";

/**
 * Request header by which server.mjs tells proxy.ts that it folded repeated slashes in the path,
 * so the proxy redirects to the canonical URL even when it equals the folded one. Its value is
 * {@link foldToken}: a client cannot send a header the proxy believes.
 */
export const FOLDED_HEADER = "x-herald-folded";

/** This process's secret value of FOLDED_HEADER (random, made on first use; on globalThis). */
export function foldToken() {
  const holder = /** @type {{ __heraldFoldToken?: string }} */ (globalThis);
  return (holder.__heraldFoldToken ??= randomUUID());
}

/** The path of a request target: before "?" (and "#", which clients never send). */
const pathOf = (/** @type {string} */ target) => target.split(/[?#]/, 1)[0] ?? "";

/**
 * Whether the path of `target` has a "." or ".." segment in any spelling: ".", "%2e", "%2E%2e",
 * ".%2E" (WHATWG URL: a percent-encoded dot is a dot; a backslash separates segments too).
 *
 * @param {string} target
 */
export function hasDotSegment(target) {
  return pathOf(target)
    .split(/[/\\]/)
    .some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * Whether the path of `target` holds a percent sign that is not a well-formed UTF-8 escape
 * ("%ZZ", "%E0%A4%A"), which Next.js's router would fail on.
 *
 * @param {string} target
 */
export function hasMalformedEscape(target) {
  try {
    decodeURIComponent(pathOf(target));
    return false;
  } catch {
    return true;
  }
}

/**
 * `target` with every run of slashes and backslashes in its path made one "/", as Next.js's own
 * redirect would (`normalizeRepeatedSlashes`), the query kept as it is; null when there is none.
 *
 * @param {string} target
 * @returns {string | null}
 */
export function foldSlashes(target) {
  const path = pathOf(target);
  if (!/\\|\/\//.test(path)) return null;
  return path.replace(/[/\\]+/g, "/") + target.slice(path.length);
}
