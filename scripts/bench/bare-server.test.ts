import { describe, expect, it } from "vitest";
import { startBareServer } from "./bare-server";

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
});
