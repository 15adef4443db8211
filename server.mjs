// @ts-check
/**
 * Herald's production server (`npm start`): Next.js's own request handler behind a Node.js HTTP
 * server that first refuses what Next.js cannot answer (docs/decisions/030-own-http-server.md):
 *
 * - TRACE and TRACK: Next.js builds a WHATWG Request for every request before its proxy runs, and
 *   the Fetch standard forbids these methods, so Next.js answers 500 and logs a stack trace per
 *   request. Here they get 405.
 * - CONNECT: Node.js hands it to a "connect" listener, or drops the connection; here it gets 405.
 * - Methods Node.js's parser does not know ("FOO"): 501 Not Implemented, rather than a bare 400.
 *
 * It also appends the socket's peer to X-Forwarded-For, as a proxy does, so route handlers know
 * the client's address (Next.js gives them no socket).
 *
 * It reads the request's target as the client sent it, before Next.js's URL parser resolves dot
 * segments and its router redirects repeated slashes (lib/http/raw-url.mjs,
 * docs/decisions/032-error-pages.md): a path with a "." or ".." segment in any spelling
 * ("/world/%2e%2e") or a malformed percent-escape gets the site's 404 page (it is handed on as a
 * path under /errors/, which proxy.ts answers so); repeated slashes are folded, and proxy.ts told
 * so, which then redirects once to the canonical URL. It sends the error pages proxy.ts answers
 * with the status the proxy chose (lib/http/error-pages.mjs). And where Next.js would send its
 * empty HTML 404 or 500 (a page's unpredicted `notFound()`, a page that throws), it sends the
 * site's complete error page instead, asking Next.js once more (lib/http/error-replay.mjs).
 *
 * Every refusal carries the security headers of next.config.js and is not logged. Everything else
 * is Next.js's, exactly as under `next start`, whose options it takes: `-p/--port` (or PORT,
 * default 3000) and `-H/--hostname` (default: all interfaces). SIGTERM and SIGINT
 * stop taking connections, let requests in flight finish (at most 10 s), then exit.
 */
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { applyErrorStatus, ERROR_PAGES_PATH } from "./lib/http/error-pages.mjs";
import { handleWithErrorPages } from "./lib/http/error-replay.mjs";
import {
  FOLDED_HEADER,
  foldSlashes,
  foldToken,
  hasDotSegment,
  hasMalformedEscape,
} from "./lib/http/raw-url.mjs";
import { securityHeaders } from "./lib/http/security-headers.mjs";

process.env.NODE_ENV = "production";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname; // not $HOSTNAME: shells and containers set it to the machine's name
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `server.mjs: the port must be a whole number from 0 to 65535, not "${values.port ?? process.env.PORT}".`,
  );
  process.exit(2);
}

/** Methods the Fetch standard forbids (https://fetch.spec.whatwg.org/#forbidden-method). */
const FORBIDDEN_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/** Headers of every refusal: the security headers, the methods a page takes, no caching. */
const REFUSAL_HEADERS = {
  ...Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value])),
  Allow: "GET, HEAD",
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
};

/** Headers of a 500 from a request Next.js failed to handle at all. */
const ERROR_HEADERS = Object.fromEntries(
  Object.entries(REFUSAL_HEADERS).filter(([key]) => key !== "Allow"),
);

/** A whole refusal written to a bare socket (no request object): the connection then closes. */
function rawRefusal(status, reason, message) {
  const headers = Object.entries({
    ...REFUSAL_HEADERS,
    "Content-Length": Buffer.byteLength(message),
    Connection: "close",
  }).map(([key, value]) => `${key}: ${value}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${headers.join("\r\n")}\r\n\r\n${message}`;
}

/**
 * Prepares `req` for Next.js from its target as sent: a dot segment or malformed escape becomes a
 * path the proxy answers with the 404 page; repeated slashes are folded, with FOLDED_HEADER set
 * (and a client's own FOLDED_HEADER always dropped). Paths under /_next/ keep Next.js's handling.
 *
 * @param {http.IncomingMessage} req
 */
function readTarget(req) {
  delete req.headers[FOLDED_HEADER];
  const target = req.url ?? "/";
  if (!target.startsWith("/")) return;
  if (hasDotSegment(target) || hasMalformedEscape(target)) {
    req.url = `${ERROR_PAGES_PATH}/404`;
    return;
  }
  const folded = foldSlashes(target);
  if (folded && !folded.startsWith("/_next/")) {
    req.url = folded;
    req.headers[FOLDED_HEADER] = foldToken();
  }
}

/**
 * Waits until Next.js's production server has prepared, instrumentation.ts's register() included
 * (node_modules/next/dist/server/next-server.js starts `prepare()` in its constructor; it is
 * memoised, so this awaits the same run). Reaches past the custom-server wrapper (`app.server`,
 * then its `getServer()`): internal API, so a missing step is skipped rather than fatal.
 * @param {any} app
 */
async function waitForNextPreparation(app) {
  const wrapper = app.server;
  const inner = typeof wrapper?.getServer === "function" ? await wrapper.getServer() : null;
  if (typeof inner?.prepare === "function") await inner.prepare();
}

const dir = path.dirname(fileURLToPath(import.meta.url));
// `hostname` is where this server listens, not a name for Next.js: given one, Next.js builds the
// proxy's request URL on "localhost" but compares a rewrite's destination with the listening
// host, takes the proxy's rewrites for another site's and proxies them over HTTP
// (node_modules/next/dist/server/lib/router-utils/resolve-routes.js, next-server.js).
const app = next({ dev: false, dir, port });
const handle = app.getRequestHandler();
await app.prepare();
// In production Next.js starts its own preparation, which runs instrumentation.ts's register()
// (the database start check), in the background, and waits for it only at the first request: a
// check that needs the network (PostgreSQL) was still running when "ready" was printed, and a
// bad database ended the server after it. So wait for that preparation here (decision 033;
// e2e/clock/restart.spec.ts, "a missing PostgreSQL database stops the server at start").
await waitForNextPreparation(app);

const server = http.createServer((req, res) => {
  if (FORBIDDEN_METHODS.has(req.method ?? "")) {
    res.writeHead(405, REFUSAL_HEADERS).end("Method not allowed.");
    return;
  }
  // The socket's peer, appended as a reverse proxy would: route handlers get no socket, and this
  // entry is the one a client cannot write (lib/page-views/client-address.ts).
  const peer = req.socket.remoteAddress;
  if (peer) {
    const prior = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
  }
  readTarget(req);
  handleWithErrorPages(handle, req, applyErrorStatus(res)).catch((error) => {
    console.error(`herald: ${req.method} ${req.url} failed:`, error);
    if (!res.headersSent) res.writeHead(500, ERROR_HEADERS);
    res.end();
  });
});
server.on("connect", (_req, socket) =>
  socket.end(rawRefusal(405, "Method Not Allowed", "Method not allowed.")),
);
server.on("clientError", (error, socket) => {
  const code = /** @type {any} */ (error).code;
  if (!socket.writable || code === "ECONNRESET") return socket.destroy();
  if (code === "HPE_INVALID_METHOD")
    return socket.end(rawRefusal(501, "Not Implemented", "Method not implemented."));
  if (code === "HPE_HEADER_OVERFLOW")
    return socket.end(rawRefusal(431, "Request Header Fields Too Large", "Headers too large."));
  if (code === "ERR_HTTP_REQUEST_TIMEOUT")
    return socket.end(rawRefusal(408, "Request Timeout", "Request timeout."));
  socket.end(rawRefusal(400, "Bad Request", "Bad request."));
});
// A port in use or not allowed: say so and fail, so a supervisor sees it (as `next start` does).
server.on("error", (error) => {
  console.error(`herald: cannot start: ${error.message}`);
  process.exit(1);
});

server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? address.port : port;
  console.log(`herald: ready on http://${hostname ?? "localhost"}:${shown}`);
});

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
