import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  BROWSER_ACCEPT_ENCODING,
  acceptEncoding,
  combineRuns,
  load,
  missedCompression,
  parseEncoding,
  requestHeaders,
  type LoadResult,
} from "./http-load";

const run = (requestsPerSecond: number, p99: number, errors = 0, non2xx = 0): LoadResult => ({
  name: "article",
  path: "/article/1/a",
  acceptEncoding: BROWSER_ACCEPT_ENCODING,
  response: { contentEncoding: "gzip", bytes: 19_500, contentType: "text/html; charset=utf-8" },
  requestsPerSecond,
  runs: [requestsPerSecond],
  p50: p99 / 3,
  p99,
  errors,
  non2xx,
  ratioToStatic: null,
});

describe("combineRuns", () => {
  it("reports the median run's rate and latencies, whatever the order the runs came in", () => {
    for (const order of [
      [run(739, 35), run(812, 27), run(848, 25)],
      [run(848, 25), run(739, 35), run(812, 27)],
      [run(812, 27), run(848, 25), run(739, 35)],
    ]) {
      const combined = combineRuns(order);
      expect(combined.requestsPerSecond).toBe(812);
      expect(combined.p99).toBe(27);
      expect(combined.p50).toBe(9);
      expect(combined.runs).toEqual(order.map((r) => r.requestsPerSecond));
    }
  });

  it("takes the slower of the middle two of an even count", () => {
    expect(
      combineRuns([run(900, 20), run(700, 30), run(800, 25), run(600, 40)]).requestsPerSecond,
    ).toBe(700);
  });

  it("adds up the errors and non-2xx answers of every run, not only the median's", () => {
    const combined = combineRuns([run(800, 20, 0, 0), run(790, 21, 2, 0), run(810, 19, 0, 5)]);
    expect(combined.requestsPerSecond).toBe(800);
    expect(combined.errors).toBe(2);
    expect(combined.non2xx).toBe(5);
  });

  it("keeps the encoding the runs asked for and what the URL answered", () => {
    const combined = combineRuns([run(800, 20), run(790, 21), run(810, 19)]);
    expect(combined.acceptEncoding).toBe("gzip, deflate, br");
    expect(combined.response.contentEncoding).toBe("gzip");
  });

  it("refuses an empty list", () => {
    expect(() => combineRuns([])).toThrow(/at least one run/);
  });
});

describe("the request headers of the HTTP runs", () => {
  it("accept what a browser accepts unless --encoding says otherwise", () => {
    expect(parseEncoding(undefined)).toBe("browser");
    expect(requestHeaders(parseEncoding(undefined))).toEqual({
      "accept-encoding": "gzip, deflate, br",
    });
  });

  it("accept identity only with --encoding identity, and refuse anything else", () => {
    expect(parseEncoding("identity")).toBe("identity");
    expect(requestHeaders("identity")).toEqual({ "accept-encoding": "identity" });
    expect(parseEncoding("browser")).toBe("browser");
    for (const wrong of ["", "gzip", "none", "Browser"])
      expect(() => parseEncoding(wrong)).toThrow(/--encoding/);
  });
});

describe("missedCompression", () => {
  const page = { contentEncoding: "identity", bytes: 80_000, contentType: "text/html" };
  it("flags a text answer sent uncompressed to a run that asked for compression", () => {
    expect(missedCompression("browser", page)).toBe(true);
    expect(missedCompression("browser", { ...page, contentType: "application/json" })).toBe(true);
    expect(missedCompression("browser", { ...page, contentEncoding: "gzip" })).toBe(false);
  });
  it("leaves images, tiny bodies and identity runs alone", () => {
    expect(missedCompression("browser", { ...page, contentType: "image/png" })).toBe(false);
    expect(missedCompression("browser", { ...page, bytes: 500 })).toBe(false);
    expect(missedCompression("identity", page)).toBe(false);
  });
});

describe("load", () => {
  /**
   * A server that answers a page, gzip-compressed when the request accepts gzip (as Next.js's
   * compression does), and records every request's Accept-Encoding ("(none)" when absent).
   */
  async function pageServer() {
    const html = Buffer.from("<!doctype html><p>Herald</p>".repeat(1_000));
    const gzipped = zlib.gzipSync(html);
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      const accepted = req.headers["accept-encoding"];
      seen.push(accepted ?? "(none)");
      const gzip = /\bgzip\b/.test(accepted ?? "");
      const body = gzip ? gzipped : html;
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-length": body.length,
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    return { url, seen, html, gzipped, close };
  }

  it("sends a browser's Accept-Encoding on every request by default, and records the compressed answer", async () => {
    const site = await pageServer();
    try {
      const result = await load(site.url, "page", "/", {
        seconds: 1,
        connections: 2,
        encoding: parseEncoding(undefined),
        warmUp: false,
      });
      expect(site.seen.length).toBeGreaterThan(3);
      expect(new Set(site.seen)).toEqual(new Set(["gzip, deflate, br"]));
      expect(result.acceptEncoding).toBe("gzip, deflate, br");
      expect(result.response).toEqual({
        contentEncoding: "gzip",
        bytes: site.gzipped.length,
        contentType: "text/html; charset=utf-8",
      });
      expect(result.requestsPerSecond).toBeGreaterThan(0);
    } finally {
      await site.close();
    }
  });

  it("sends Accept-Encoding: identity on every request with --encoding identity", async () => {
    const site = await pageServer();
    try {
      const result = await load(site.url, "page", "/", {
        seconds: 1,
        connections: 2,
        encoding: "identity",
        warmUp: false,
      });
      expect(new Set(site.seen)).toEqual(new Set(["identity"]));
      expect(result.acceptEncoding).toBe(acceptEncoding("identity"));
      expect(result.response.contentEncoding).toBe("identity");
      expect(result.response.bytes).toBe(site.html.length);
    } finally {
      await site.close();
    }
  });
});
