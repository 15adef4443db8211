import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { applyErrorStatus, CACHE_CONTROL_HEADER, STATUS_HEADER } from "./error-pages.mjs";

let server: http.Server | null = null;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** Serves one response written by `respond` (through applyErrorStatus) and fetches it. */
async function serve(respond: (res: http.ServerResponse) => void): Promise<Response> {
  server = http.createServer((_req, res) => respond(applyErrorStatus(res)));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
}

describe("an error page's status, as server.mjs sends it", () => {
  it("is the one the proxy named, with its Cache-Control, and the naming headers are gone", async () => {
    const response = await serve((res) => {
      res.statusCode = 200;
      res.setHeader(STATUS_HEADER, "410");
      res.setHeader(CACHE_CONTROL_HEADER, "public, s-maxage=60");
      res.setHeader("cache-control", "s-maxage=30, stale-while-revalidate=270");
      res.setHeader("x-middleware-rewrite", "/errors/410");
      res.write("<!doctype html>"); // the implicit head
      res.end("<html></html>");
    });
    expect(response.status).toBe(410);
    expect(response.statusText).toBe("Gone");
    expect(response.headers.get("cache-control")).toBe("public, s-maxage=60");
    expect(response.headers.get(STATUS_HEADER)).toBeNull();
    expect(response.headers.get(CACHE_CONTROL_HEADER)).toBeNull();
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
    expect(await response.text()).toBe("<!doctype html><html></html>");
  });

  it("keeps the page's Cache-Control when the proxy named none, with an explicit writeHead", async () => {
    const response = await serve((res) => {
      res.setHeader(STATUS_HEADER, "404");
      res.setHeader("cache-control", "s-maxage=30");
      res.writeHead(200, "OK").end("x");
    });
    expect(response.status).toBe(404);
    expect(response.statusText).toBe("Not Found");
    expect(response.headers.get("cache-control")).toBe("s-maxage=30");
  });

  it("leaves every other response alone", async () => {
    const response = await serve((res) => {
      res.writeHead(308, { location: "/national" }).end();
    });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/national");
  });
});
