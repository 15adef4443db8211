import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
// @ts-expect-error: Next.js's compiled copy of `compression` ships without types
import compression from "next/dist/compiled/compression";
import { afterEach, describe, expect, it } from "vitest";
import { applyErrorStatus, CACHE_CONTROL_HEADER, STATUS_HEADER } from "./error-pages.mjs";
import {
  handleWithErrorPages,
  isReplaceable,
  REPLAY_HEADER,
  replayedStatus,
} from "./error-replay.mjs";
import { foldToken } from "./raw-url.mjs";

const META = Symbol.for("NextInternalRequestMeta");
const SHELL = '<!DOCTYPE html><html id="__next_error__"><body></body></html>';

let server: http.Server | null = null;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** What the fake handler saw of each call. */
type Call = { url: string | undefined; meta: boolean; replay: string | undefined };

/**
 * A stand-in for Next.js's handler, as far as a response goes: `compression` applied inside it
 * (as router-server.js does), metadata on `req`, a "finish" it waits for, headers, a flushed head
 * and a streamed body. "/throws" is an HTML 500, "/missing" an HTML 404; "/errors/{status}"
 * answers like proxy.ts (status header, when server.mjs asked for it) unless `errorPageFails`.
 */
function fakeNext({
  compress,
  errorPageFails = false,
}: {
  compress: boolean;
  errorPageFails?: boolean;
}) {
  const calls: Call[] = [];
  const middleware = compression({ threshold: 0 });
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const record = req as unknown as Record<symbol, unknown>;
    calls.push({
      url: req.url,
      meta: META in record,
      replay: req.headers[REPLAY_HEADER] as string,
    });
    record[META] = { invokePath: req.url };
    if (compress) middleware(req, res, () => {});
    const finished = new Promise((resolve) => res.once("finish", resolve));
    res.once("close", () => {});
    const path = req.url ?? "/";
    res.setHeader("x-first-attempt", path);
    res.setHeader("cache-control", "s-maxage=30");
    let status = 200;
    let type = "text/html; charset=utf-8";
    let body = `<!DOCTYPE html><html lang="en"><body>page ${path}</body></html>`;
    if (path === "/throws") [status, body] = [500, SHELL];
    else if (path === "/missing") [status, body] = [404, SHELL];
    else if (path === "/plain-missing") [status, type, body] = [404, "text/plain", "no"];
    else if (path.startsWith("/errors/")) {
      const replayed = replayedStatus(path, req.headers[REPLAY_HEADER] as string);
      if (errorPageFails) [status, body] = [500, SHELL];
      else if (replayed) {
        res.setHeader(STATUS_HEADER, String(replayed));
        if (replayed === 500) res.setHeader(CACHE_CONTROL_HEADER, "no-store");
        body = `<!DOCTYPE html><html lang="en"><body><h1>complete ${replayed}</h1></body></html>`;
      } else status = 404;
    }
    res.statusCode = status;
    res.setHeader("content-type", type);
    if (req.method === "HEAD") {
      res.end();
    } else {
      res.flushHeaders();
      for (const part of body.match(/.{1,16}/gs) ?? []) res.write(part);
      res.end();
    }
    await finished;
  };
  return { handle, calls };
}

/** Serves the fake handler as server.mjs does and sends one request. */
async function serve(
  next: ReturnType<typeof fakeNext>,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  server = http.createServer((req, res) => {
    handleWithErrorPages(next.handle, req, applyErrorStatus(res)).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("plain 500");
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(
        { port, host: "127.0.0.1", path, method: init.method ?? "GET", headers: init.headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const raw = Buffer.concat(chunks);
            const gzip = response.headers["content-encoding"] === "gzip" && raw.length > 0;
            const body = (gzip ? gunzipSync(raw) : raw).toString();
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
          });
        },
      );
      request.on("error", reject);
      request.end();
    },
  );
}

const GZIP = { "accept-encoding": "gzip" };

describe.each([
  { compress: true, label: "with compression" },
  { compress: false, label: "without compression" },
])("Next.js's empty error page replaced by the site's, $label", ({ compress }) => {
  it("a page that throws: the 500 page, no-store, nothing of the first attempt", async () => {
    const next = fakeNext({ compress });
    const response = await serve(next, "/throws", { headers: GZIP });
    expect(response.status).toBe(500);
    expect(response.body).toBe(
      '<!DOCTYPE html><html lang="en"><body><h1>complete 500</h1></body></html>',
    );
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["content-encoding"]).toBe(compress ? "gzip" : undefined);
    expect(response.headers["x-first-attempt"]).toBe("/errors/500");
    expect(response.headers[STATUS_HEADER]).toBeUndefined();
    expect(next.calls).toEqual([
      { url: "/throws", meta: false, replay: undefined },
      { url: "/errors/500", meta: false, replay: foldToken() },
    ]);
  });

  it("an unpredicted notFound(): the 404 page", async () => {
    const next = fakeNext({ compress });
    const response = await serve(next, "/missing", { headers: GZIP });
    expect(response.status).toBe(404);
    expect(response.body).toContain("complete 404");
    expect(next.calls.map((call) => call.url)).toEqual(["/missing", "/errors/404"]);
  });

  it("a HEAD: the 500 page's head, no body", async () => {
    const next = fakeNext({ compress });
    const response = await serve(next, "/throws", { method: "HEAD", headers: GZIP });
    expect(response.status).toBe(500);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toBe("");
  });

  it("the error page failing too: server.mjs's plain 500, and no third attempt", async () => {
    const next = fakeNext({ compress, errorPageFails: true });
    const response = await serve(next, "/throws", { headers: GZIP });
    expect(response.status).toBe(500);
    expect(response.body).toBe("plain 500");
    expect(next.calls).toHaveLength(2);
  });

  it.each<{ path: string; headers?: Record<string, string>; method?: string }>([
    { path: "/throws", headers: { rsc: "1" } },
    { path: "/throws", headers: { "next-router-prefetch": "1" } },
    { path: "/throws", method: "POST" },
    { path: "/plain-missing" },
    { path: "/errors/503" },
    { path: "/national" },
  ])("leaves $path alone ($headers, $method)", async ({ path, headers, method }) => {
    const next = fakeNext({ compress });
    const response = await serve(next, path, { method, headers: { ...GZIP, ...headers } });
    expect(next.calls).toHaveLength(1);
    expect(response.headers["x-first-attempt"]).toBe(path);
  });
});

describe("what proxy.ts believes of a request for an error page", () => {
  it("is the status server.mjs asked for, with this process's token only", () => {
    expect(replayedStatus("/errors/500", foldToken())).toBe(500);
    expect(replayedStatus("/errors/404", foldToken())).toBe(404);
    expect(replayedStatus("/errors/500", "guess")).toBeNull();
    expect(replayedStatus("/errors/500", null)).toBeNull();
    expect(replayedStatus("/errors/410", foldToken())).toBeNull();
  });

  it("a client's own header is dropped before Next.js sees the request", async () => {
    const next = fakeNext({ compress: false });
    await serve(next, "/national", { headers: { [REPLAY_HEADER]: foldToken() } });
    expect(next.calls[0]?.replay).toBeUndefined();
  });

  it("replaces HTML 404s and 500s only", () => {
    const req = { method: "GET", headers: {}, url: "/x" } as http.IncomingMessage;
    expect(isReplaceable(req, 500, "text/html; charset=utf-8")).toBe(true);
    expect(isReplaceable(req, 503, "text/html")).toBe(false);
    expect(isReplaceable(req, 404, "application/json")).toBe(false);
  });
});
