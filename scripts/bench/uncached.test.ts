import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loadUncached } from "./uncached";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server that notes each path it was asked for, answering 404 for /missing. */
async function server(seen: string[]): Promise<string> {
  const s = http.createServer((req, res) => {
    seen.push(req.url!);
    res.statusCode = req.url === "/missing" ? 404 : 200;
    setTimeout(() => res.end("ok"), 5);
  });
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe("loadUncached", () => {
  it("requests each path once, alternating between the origins, and counts non-2xx as errors", async () => {
    const a: string[] = [];
    const b: string[] = [];
    const paths = ["/1", "/2", "/3", "/missing", "/5", "/6"];
    const result = await loadUncached("two", [await server(a), await server(b)], paths, {
      concurrency: 3,
      encoding: "browser",
    });
    expect(a.sort()).toEqual(["/1", "/3", "/5"]);
    expect(b.sort()).toEqual(["/2", "/6", "/missing"]);
    expect(result.requests).toBe(6);
    expect(result.instances).toBe(2);
    expect(result.errors).toBe(1);
    expect(result.requestsPerSecond).toBeGreaterThan(0);
    expect(result.p99).toBeGreaterThanOrEqual(5);
  });
});
