// @ts-check
/**
 * How an error page rendered by a route (app/errors/) gets its status. proxy.ts decides that a
 * request answers 404, 410 or 503 and rewrites it to the error page's path; but Next.js 16 answers
 * a rewritten page with the page's own status, 200, whatever status the rewrite carries, and
 * replaces its Cache-Control (checked in node_modules/next/dist/server/lib/router-utils/
 * resolve-routes.js and build/templates/app-page-runtime.js; docs/decisions/032-error-pages.md).
 * So the proxy also names the status, and the Cache-Control it wants, in two response headers,
 * and server.mjs applies them as the response's head is written and removes the two headers.
 */

/** Where the error pages live (app/errors/): "/errors/410/national". Never answered directly. */
export const ERROR_PAGES_PATH = "/errors";

/** Response header: the status the proxy chose for an error page ("410"). */
export const STATUS_HEADER = "x-herald-status";

/** Response header: the Cache-Control the proxy chose for it (absent: keep Next.js's). */
export const CACHE_CONTROL_HEADER = "x-herald-cache-control";

/**
 * Makes `res` (a node:http ServerResponse) take the status and Cache-Control named in
 * STATUS_HEADER and CACHE_CONTROL_HEADER, whenever its head is written (`writeHead`, which Node.js
 * also calls for the implicit head of a first `write`), and drops those two headers and Next.js's
 * `x-middleware-rewrite` (the error page's path). A response without them is untouched.
 * Returns `res`.
 *
 * @template {import("node:http").ServerResponse} R
 * @param {R} res
 * @returns {R}
 */
export function applyErrorStatus(res) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (
    /** @type {number} */ statusCode,
    /** @type {any[]} */ ...rest
  ) {
    const status = Number(res.getHeader(STATUS_HEADER));
    if (Number.isInteger(status) && status >= 400 && status <= 599) {
      const cacheControl = res.getHeader(CACHE_CONTROL_HEADER);
      if (cacheControl !== undefined) res.setHeader("cache-control", cacheControl);
      res.removeHeader(STATUS_HEADER);
      res.removeHeader(CACHE_CONTROL_HEADER);
      res.removeHeader("x-middleware-rewrite"); // the error page's own path, of no use to anyone
      // The reason phrase is the new status's own ("Gone"), not one given for the old status.
      res.statusMessage = "";
      if (typeof rest[0] === "string") rest.shift();
      return writeHead.call(this, status, ...rest);
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  return res;
}
