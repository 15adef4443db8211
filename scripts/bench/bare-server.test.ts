import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { startBareServer } from "./bare-server";
import { probe } from "./http-load";

describe("startBareServer", () => {
  it("answers every path with exactly the bytes and type it was given, until stopped", async () => {
    // Non-ASCII on purpose: the body must go out byte for byte, not re-encoded.
    const body = Buffer.from("<!doctype html><p>서울 – Délégation</p>".repeat(500));
    const server = await startBareServer(body, "text/html; charset=utf-8");
    try {
      for (const path of ["/", "/article/1/a?x=1"]) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(response.headers.get("content-length")).toBe(String(body.length));
        expect(response.headers.get("content-encoding")).toBeNull();
        expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
      }
      const head = await fetch(server.url, { method: "HEAD" });
      expect(head.headers.get("content-length")).toBe(String(body.length));
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    } finally {
      await server.stop();
    }
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it("sends compressed bytes as they are, with the Content-Encoding it was given", async () => {
    const html = Buffer.from("<!doctype html><p>서울 – Délégation</p>".repeat(500));
    const gzipped = zlib.gzipSync(html);
    const server = await startBareServer(gzipped, "text/html; charset=utf-8", "gzip");
    try {
      const raw = await probe(server.url, { "accept-encoding": "gzip, deflate, br" });
      expect(raw.status).toBe(200);
      expect(raw.contentEncoding).toBe("gzip");
      expect(raw.body.equals(gzipped)).toBe(true);
      // A client that decompresses (fetch, a browser) gets the page.
      const decoded = await fetch(server.url);
      expect(Buffer.from(await decoded.arrayBuffer()).equals(html)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
