// @ts-check
/**
 * The site's error page in place of Next.js's empty one (docs/decisions/032-error-pages.md). When
 * a page throws (500), or calls a `notFound()` that proxy.ts did not predict (404), Next.js sends
 * `<html id="__next_error__">` with an empty body (vercel/next.js#62228): a reader without
 * JavaScript sees nothing. server.mjs therefore watches the head Next.js is about to write; when it
 * is such an HTML 404 or 500 for a page a reader asked for, nothing of it reaches the socket, the
 * response is reset to what it was, and the same request is handed to Next.js once more as the
 * error page's path (/errors/404, /errors/500), which proxy.ts answers with the complete page and
 * its status (lib/http/error-pages.mjs). Once per request; the error page failing too is left to
 * server.mjs's short plain 500. A head already written cannot be taken back, so a failure after the first byte
 * stays Next.js's.
 */
import { ERROR_PAGES_PATH, STATUS_HEADER } from "./error-pages.mjs";
import { foldToken } from "./raw-url.mjs";

/**
 * Request header by which server.mjs asks proxy.ts for an error page (value: this process's
 * token, lib/http/raw-url.mjs foldToken): a client's own request for /errors/… stays a 404.
 */
export const REPLAY_HEADER = "x-herald-error-page";

/** Where Next.js keeps its per-request state on `req` (next/dist/server/request-meta.js). */
const NEXT_REQUEST_META = Symbol.for("NextInternalRequestMeta");

/** The statuses whose empty page is replaced. */
const REPLACED = new Set([404, 500]);

/**
 * The error status proxy.ts answers for a request server.mjs handed on (`pathname`
 * "/errors/404" or "/errors/500" with REPLAY_HEADER's value `token`), or null.
 *
 * @param {string} pathname
 * @param {string | null | undefined} token
 * @returns {404 | 500 | null}
 */
export function replayedStatus(pathname, token) {
  if (!token || token !== foldToken()) return null;
  if (pathname === `${ERROR_PAGES_PATH}/404`) return 404;
  if (pathname === `${ERROR_PAGES_PATH}/500`) return 500;
  return null;
}

/**
 * Whether a response of `status` and `contentType` to `req` is one to replace: an HTML 404 or 500
 * for a GET or HEAD of a page (not a client's RSC or prefetch request, not an error page).
 *
 * @param {Pick<import("node:http").IncomingMessage, "method" | "headers" | "url">} req
 * @param {number} status
 * @param {string} contentType
 */
export function isReplaceable(req, status, contentType) {
  return (
    REPLACED.has(status) &&
    /^text\/html\b/i.test(contentType) &&
    (req.method === "GET" || req.method === "HEAD") &&
    !("rsc" in req.headers) &&
    !("next-router-prefetch" in req.headers) &&
    !(req.url ?? "").startsWith(`${ERROR_PAGES_PATH}/`)
  );
}

/**
 * Calls `handle(req, res)` (Next.js's request handler); when its response is one to replace
 * ({@link isReplaceable}), discards it before anything is sent and handles the request again as
 * the error page of that status. Resolves when the response has been handed over; rejects as
 * `handle` does, and when the error page fails too (an HTML 5xx, discarded as well), with nothing
 * sent: the caller then sends its plain 500.
 *
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<unknown>} handle
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export async function handleWithErrorPages(handle, req, res) {
  delete req.headers[REPLAY_HEADER];
  // The request as it came: Next.js may change its URL and headers while it handles it.
  const asked = { method: req.method, headers: { ...req.headers }, url: req.url };
  const first = await attempt(handle, req, res, (status, type) =>
    isReplaceable(asked, status, type),
  );
  if (first === null) return;
  req.url = `${ERROR_PAGES_PATH}/${first}`;
  req.headers[REPLAY_HEADER] = foldToken();
  const second = await attempt(
    handle,
    req,
    res,
    (status, type) => status >= 500 && /^text\/html\b/i.test(type),
  );
  if (second !== null) throw new Error(`the ${first} page failed too (${second})`);
}

/**
 * One call of `handle`, with `res` watched: when `discard(status, content type)` holds as the head
 * is about to be written, everything Next.js writes is swallowed, and once it is done `req` and
 * `res` are put back as they were before the call. Resolves with the discarded status, or null
 * when the response went out.
 *
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<unknown>} handle
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(status: number, contentType: string) => boolean} discard
 * @returns {Promise<number | null>}
 */
async function attempt(handle, req, res, discard) {
  const before = snapshot(req, res);
  /** @type {number | null} */
  let discarded = null;
  let decided = false;
  /** @type {() => void} */
  let ended = () => {};
  const end = new Promise((resolve) => (ended = () => resolve(undefined)));

  /** Decides, once, at the head: to send it, or to discard the whole response. */
  const decide = (/** @type {number} */ status, /** @type {unknown} */ headers) => {
    if (decided || res.headersSent) return;
    decided = true;
    if (res.hasHeader(STATUS_HEADER)) return; // the proxy's own error page
    const type = headerIn(headers, "content-type") ?? res.getHeader("content-type") ?? "";
    if (discard(status, String(type))) discarded = status;
  };
  const own = /** @type {any} */ (res);
  const { writeHead, write, end: endResponse, flushHeaders } = own;
  own.writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    decide(
      status,
      rest.find((item) => item && typeof item === "object"),
    );
    return discarded === null ? writeHead.call(this, status, ...rest) : this;
  };
  own.flushHeaders = function () {
    decide(res.statusCode, undefined);
    if (discarded === null) flushHeaders.call(this);
  };
  own.write = function (/** @type {any[]} */ ...args) {
    decide(res.statusCode, undefined);
    if (discarded === null) return write.apply(this, args);
    callBack(args);
    return true;
  };
  own.end = function (/** @type {any[]} */ ...args) {
    decide(res.statusCode, undefined);
    if (discarded === null) return endResponse.apply(this, args);
    // What Next.js waits for ("finish"), from its own listeners only: the socket's stay untouched.
    for (const listener of addedListeners(res, before, "finish")) listener.call(res);
    callBack(args);
    ended();
    return this;
  };

  try {
    await handle(req, res);
  } catch (error) {
    if (discarded === null) throw error;
    ended(); // it failed after the head: its end may never come
  }
  if (discarded === null) return null;
  // Next.js resolves once it has ended the response; a last guard against waiting forever.
  await Promise.race([end, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  restore(req, res, before);
  return discarded;
}

/** The value of header `name` in a `writeHead` headers object, if there is one. */
function headerIn(/** @type {unknown} */ headers, /** @type {string} */ name) {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/** Calls the callback among a `write`/`end` call's arguments, as a sent write would. */
function callBack(/** @type {unknown[]} */ args) {
  const callback = args.find((arg) => typeof arg === "function");
  if (callback) process.nextTick(/** @type {() => void} */ (callback));
}

/**
 * What a call of Next.js's handler changes on `req` and `res`: `res`'s own methods (compression
 * replaces writeHead, write, end, on, flush), its listeners, headers and status; `req`'s URL,
 * headers and Next.js's metadata.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function snapshot(req, res) {
  return {
    url: req.url,
    requestHeaders: { ...req.headers },
    methods: Object.getOwnPropertyDescriptors(res),
    listeners: new Map(res.eventNames().map((name) => [name, res.rawListeners(name)])),
    headers: res.getHeaders(),
    statusCode: res.statusCode,
    statusMessage: res.statusMessage,
  };
}

/** @typedef {ReturnType<typeof snapshot>} Snapshot */

/** The listeners of `res` for `name` added since `before`. */
function addedListeners(
  /** @type {import("node:http").ServerResponse} */ res,
  /** @type {Snapshot} */ before,
  /** @type {string | symbol} */ name,
) {
  const prior = before.listeners.get(name) ?? [];
  const added = res.rawListeners(name).filter((listener) => !prior.includes(listener));
  for (const listener of added) res.removeListener(name, /** @type {any} */ (listener));
  return /** @type {Function[]} */ (added);
}

/** Puts back the own methods of `res` as they were (compression's and this module's go). */
function restoreMethods(
  /** @type {import("node:http").ServerResponse} */ res,
  /** @type {Snapshot} */ before,
) {
  const own = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (res));
  for (const name of ["writeHead", "write", "end", "flushHeaders", "on", "flush"]) {
    const descriptor = before.methods[name];
    if (descriptor) Object.defineProperty(res, name, descriptor);
    else delete own[name];
  }
}

/** Puts `req` and `res` back as they were before Next.js's handler was called. */
function restore(
  /** @type {import("node:http").IncomingMessage} */ req,
  /** @type {import("node:http").ServerResponse} */ res,
  /** @type {Snapshot} */ before,
) {
  restoreMethods(res, before);
  for (const name of res.eventNames()) addedListeners(res, before, name);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  for (const [name, value] of Object.entries(before.headers))
    if (value !== undefined) res.setHeader(name, value);
  res.statusCode = before.statusCode;
  res.statusMessage = before.statusMessage;
  req.url = before.url;
  req.headers = { ...before.requestHeaders };
  delete (/** @type {any} */ (req)[NEXT_REQUEST_META]);
}
