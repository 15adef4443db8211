import { afterEach, describe, expect, it } from "vitest";
import CacheHandler, { cacheKind } from "./cache-handler.mjs";
import MemoryCacheHandler from "./memory-cache-handler.mjs";
import RedisCacheHandler, { closeSharedCache } from "./redis-cache-handler.mjs";

const holder = globalThis as { __heraldCacheKind?: string };

afterEach(async () => {
  delete holder.__heraldCacheKind;
  delete process.env.HERALD_REDIS_URL;
  await closeSharedCache();
});

describe("the cache Next.js is given", () => {
  it("is this process's memory without HERALD_REDIS_URL", () => {
    expect(cacheKind()).toBe("memory");
    expect(new CacheHandler().handler).toBeInstanceOf(MemoryCacheHandler);
  });

  it("is Redis with HERALD_REDIS_URL set at its first use, and stays so for the process", () => {
    process.env.HERALD_REDIS_URL = "redis://127.0.0.1:1"; // never connected in this test
    expect(new CacheHandler().handler).toBeInstanceOf(RedisCacheHandler);
    delete process.env.HERALD_REDIS_URL;
    expect(cacheKind()).toBe("redis");
  });
});
