import { afterEach, describe, expect, it } from "vitest";
import MemoryCacheHandler, {
  cacheBytes,
  cacheFigures,
  forgetNextLifetimes,
  isPageCached,
  sizeOf,
} from "./memory-cache-handler.mjs";

/** A fresh process-wide cache of `mb` megabytes. */
function freshHandler(mb: number): MemoryCacheHandler {
  delete (globalThis as { __heraldPageCache?: unknown }).__heraldPageCache;
  process.env.HERALD_CACHE_MB = String(mb);
  return new MemoryCacheHandler();
}

/** A cached page as Next.js hands it over: HTML, RSC payload, segment data, tags in a header. */
function page(kb: number, tags = "articles,_N_T_/layout") {
  return {
    kind: "APP_PAGE",
    html: "x".repeat(kb * 256),
    rscData: Buffer.alloc(kb * 256),
    segmentData: new Map([["/_tree", Buffer.alloc(kb * 256)]]),
    headers: { "x-next-cache-tags": tags },
    status: 200,
  };
}

afterEach(() => {
  delete process.env.HERALD_CACHE_MB;
  delete (globalThis as { __heraldPageCache?: unknown }).__heraldPageCache;
});

describe("the page and data cache", () => {
  it("counts every string and buffer an entry holds", () => {
    // HTML as UTF-16 (2 bytes a character) + RSC + segment data, plus small overheads.
    const bytes = sizeOf(page(100));
    expect(bytes).toBeGreaterThan(100 * 1024);
    expect(bytes).toBeLessThan(110 * 1024);
  });

  it("stays under its cap, evicting the least recently used first", async () => {
    const cache = freshHandler(1);
    for (let i = 0; i < 12; i++) {
      await cache.set(`/page/${i}`, page(100), {});
      if (i >= 1) await cache.get("/page/0", { kind: "APP_PAGE" }); // keep reading the first
    }
    const { bytes, maxBytes, entries } = cacheFigures();
    expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(entries).toBeLessThan(12);
    expect(await cache.get("/page/0", { kind: "APP_PAGE" })).not.toBeNull();
    expect(await cache.get("/page/1", { kind: "APP_PAGE" })).toBeNull();
    expect(await cache.get("/page/11", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("does not store an entry larger than the whole cap", async () => {
    const cache = freshHandler(1);
    await cache.set("/huge", page(2_000), {});
    expect(await cache.get("/huge", { kind: "APP_PAGE" })).toBeNull();
    expect(cacheFigures().bytes).toBe(0);
  });

  it("drops a page when a tag in its header is refreshed, and keeps the others", async () => {
    const cache = freshHandler(8);
    await cache.set("/article/1", page(10, "articles"), {});
    await cache.set("/privacy", page(10, "publication"), {});
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cache.revalidateTag("articles");
    expect(await cache.get("/article/1", { kind: "APP_PAGE" })).toBeNull();
    expect(await cache.get("/privacy", { kind: "APP_PAGE" })).not.toBeNull();
    // Stored again after the refresh, it is served.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cache.set("/article/1", page(10, "articles"), {});
    expect(await cache.get("/article/1", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("drops a data entry when one of its tags is refreshed", async () => {
    const cache = freshHandler(8);
    const data = { kind: "FETCH", data: { body: "[]", headers: {}, status: 200 }, revalidate: 30 };
    await cache.set("k1", data, { fetchCache: true, tags: ["articles"] });
    await cache.set("k2", data, { fetchCache: true, tags: ["sections"] });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cache.revalidateTag(["articles", "images"]);
    expect(await cache.get("k1", { kind: "FETCH", tags: ["articles"] })).toBeNull();
    expect((await cache.get("k2", { kind: "FETCH", tags: ["sections"] }))?.value).toEqual(data);
  });

  it("never keeps a render that read its data before a refresh and is stored after it", async () => {
    const cache = freshHandler(8);
    // A reader's request misses, and its render reads the story...
    expect(await cache.get("/", { kind: "APP_PAGE" })).toBeNull();
    // ...the story is withdrawn meanwhile...
    await cache.revalidateTag("articles");
    // ...and the render, with the withdrawn story on it, is stored afterwards.
    await cache.set("/", page(10, "articles"), {});
    expect(await cache.get("/", { kind: "APP_PAGE" })).toBeNull();
    // The next render began after the refresh: it is kept.
    await cache.set("/", page(10, "articles"), {});
    expect(await cache.get("/", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("tells the proxy which pages it can serve as they are", async () => {
    const cache = freshHandler(8);
    const key = (path: string) => `/route-cache/APP_PAGE/${"a".repeat(64)}/$${path}`;
    await cache.get(key("/article/1/rain"), { kind: "APP_PAGE" });
    await cache.set(key("/article/1/rain"), page(10, "articles"), {
      cacheControl: { revalidate: 30, expire: 300 },
    });
    await cache.set(key("/index"), page(10, "articles"), {
      cacheControl: { revalidate: 30, expire: 300 },
    });
    expect(isPageCached("/article/1/rain")).toBe(true);
    expect(isPageCached("/")).toBe(true);
    expect(isPageCached("/article/2/snow")).toBe(false);
    expect(isPageCached("/article/1/rain", Date.now() + 301_000)).toBe(false); // past its expire time
    await cache.revalidateTag("articles");
    expect(isPageCached("/article/1/rain")).toBe(false);
  });

  it("reads its size from HERALD_CACHE_MB and refuses a malformed one", () => {
    expect(cacheBytes(undefined)).toBe(256 * 1024 * 1024);
    expect(cacheBytes("64")).toBe(64 * 1024 * 1024);
    for (const bad of ["0", "-1", "1.5", "lots", "99999"])
      expect(() => cacheBytes(bad)).toThrow(/HERALD_CACHE_MB/);
  });

  it("empties the Map of page lifetimes Next.js never prunes, once it is full", () => {
    // The shape Next.js 16 has: an instance whose class keeps a static Map, with clear().
    class SharedCacheControls {
      static cacheControls = new Map<string, unknown>();
      clear() {
        SharedCacheControls.cacheControls.clear();
      }
    }
    const holder = globalThis as { __incrementalCache?: unknown };
    holder.__incrementalCache = { cacheControls: new SharedCacheControls() };
    try {
      for (let i = 0; i < 10; i++) SharedCacheControls.cacheControls.set(`/article/${i}`, {});
      forgetNextLifetimes(10);
      expect(SharedCacheControls.cacheControls.size).toBe(10);
      SharedCacheControls.cacheControls.set("/article/10", {});
      forgetNextLifetimes(10);
      expect(SharedCacheControls.cacheControls.size).toBe(0);
    } finally {
      delete holder.__incrementalCache;
    }
    expect(() => forgetNextLifetimes(0)).not.toThrow(); // without Next.js: nothing to do
  });
});
