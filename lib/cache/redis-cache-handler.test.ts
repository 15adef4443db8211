import { createClient } from "@redis/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freePort, TestRedis } from "../test-support/redis-server";
import { isPageCached, sharedRefreshCount } from "./cache-rules.mjs";
import { decodeEntry, encodeEntry } from "./entry-codec.mjs";
import RedisCacheHandler, { SharedCache, ttlSeconds, WATCH_MS } from "./redis-cache-handler.mjs";

/**
 * The shared Redis cache (decision 034) against a redis-server of the test's own, with two
 * "instances" (two SharedCache objects, as two processes have): entries, tags and refreshes
 * across them, and what a killed or hung Redis does to each call.
 */
let redis: TestRedis;
let scope = 0;
const open: SharedCache[] = [];
let errors: { mock: { calls: unknown[][] }; mockRestore: () => void };

/** A handler as one instance would have it; `name` scopes the keys (a deployment id). */
function instance(name = `t${scope}`): RedisCacheHandler {
  const shared = new SharedCache(redis.url, name);
  open.push(shared);
  return new RedisCacheHandler({ shared });
}

/** A page as Next.js hands it over: HTML, RSC payload, segment data, tags in a header. */
function page(text: string, tags = "articles,_N_T_/layout") {
  return {
    kind: "APP_PAGE",
    html: `<p>${text}</p>`,
    rscData: Buffer.from(`rsc ${text}`),
    segmentData: new Map([["/_tree", Buffer.from(`tree ${text}`)]]),
    headers: { "x-next-cache-tags": tags },
    status: 200,
  };
}

const PAGE = { kind: "APP_PAGE" };
const ctx = { cacheControl: { revalidate: 30, expire: 300 } };

/** Times `work`, in milliseconds. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** A page render as Next.js does it: read (miss), then store. */
async function render(cache: RedisCacheHandler, key: string, value = page(key)) {
  await cache.get(key, PAGE);
  await cache.set(key, value, ctx);
}

const lines = () => errors.mock.calls.map((call) => String(call[0]));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  redis = new TestRedis(await freePort());
  await redis.start();
});
afterAll(() => redis.kill());
beforeEach(() => {
  scope += 1;
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  errors.mockRestore();
  await Promise.all(open.splice(0).map((shared) => shared.close()));
  if (!(await redisAnswers())) await redis.start();
});

async function redisAnswers(): Promise<boolean> {
  const client = createClient({ url: redis.url, socket: { reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    await client.disconnect().catch(() => {});
  }
}

async function redisCommand(...args: string[]): Promise<unknown> {
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    return await client.sendCommand(args);
  } finally {
    await client.disconnect();
  }
}

describe("entries as text", () => {
  it("keeps Buffers and Maps as they were", () => {
    const value = page("x");
    const back = decodeEntry(encodeEntry(value)) as ReturnType<typeof page>;
    expect(Buffer.isBuffer(back.rscData)).toBe(true);
    expect(back.rscData.toString()).toBe("rsc x");
    expect(back.segmentData).toBeInstanceOf(Map);
    expect(back.segmentData.get("/_tree")?.toString()).toBe("tree x");
    expect(back.headers).toEqual(value.headers);
  });
});

describe("the shared Redis cache", () => {
  it("serves on one instance the copy another stored, and expires it after its lifetime", async () => {
    const a = instance();
    const b = instance();
    expect(await a.get("/p", PAGE)).toBeNull();
    await a.set("/p", page("one"), ctx);
    const got = (await b.get("/p", PAGE)) as { value: ReturnType<typeof page> } | null;
    expect(got?.value.html).toBe("<p>one</p>");
    expect(Buffer.isBuffer(got?.value.rscData)).toBe(true);
    const ttl = Number(await redisCommand("TTL", `herald:t${scope}:/p`));
    expect(ttl).toBeGreaterThan(290);
    expect(ttl).toBeLessThanOrEqual(300);
    expect(ttlSeconds({}, {})).toBe(24 * 60 * 60);
    expect(ttlSeconds({ revalidate: 30 }, {})).toBe(330);
  });

  it("never shares entries between two deployments", async () => {
    const a = instance(`dep-a-${scope}`);
    const b = instance(`dep-b-${scope}`);
    await render(a, "/p");
    expect(await a.get("/p", PAGE)).not.toBeNull();
    expect(await b.get("/p", PAGE)).toBeNull();
  });

  it("a refresh on one instance expires the tagged entries for every instance, and keeps the others", async () => {
    const a = instance();
    const b = instance();
    await render(a, "/article/1", page("1", "articles"));
    await render(a, "/privacy", page("p", "publication"));
    await b.revalidateTag("articles");
    expect(await a.get("/article/1", PAGE)).toBeNull();
    expect(await a.get("/privacy", PAGE)).not.toBeNull();
    // Rendered again after the refresh, it is stored and served.
    await a.set("/article/1", page("1 again", "articles"), ctx);
    expect(await b.get("/article/1", PAGE)).not.toBeNull();
  });

  it("refuses a render that read its data before another instance's refresh", async () => {
    const a = instance();
    const b = instance();
    expect(await a.get("/article/2", PAGE)).toBeNull(); // the render begins
    await b.revalidateTag(["articles"]); // a withdrawal, elsewhere
    await a.set("/article/2", page("2", "articles"), ctx); // the render ends
    expect(await redisCommand("EXISTS", `herald:t${scope}:/article/2`)).toBe(0); // refused
    expect(await b.get("/article/2", PAGE)).toBeNull();
    expect(await a.get("/article/2", PAGE)).toBeNull();
    // A data entry is checked against the tags of the page reading it too.
    await a.get("data", { kind: "FETCH", tags: ["sections"] });
    await a.set(
      "data",
      { kind: "FETCH", data: {}, revalidate: 30 },
      { fetchCache: true, tags: ["sections"] },
    );
    expect(await b.get("data", { kind: "FETCH", tags: ["sections"], softTags: [] })).not.toBeNull();
    await a.revalidateTag("_N_T_/national");
    expect(
      await b.get("data", { kind: "FETCH", tags: ["sections"], softTags: ["_N_T_/national"] }),
    ).toBeNull();
  });

  it("tells the proxy which pages it can serve, and notes other instances' refreshes", async () => {
    const a = instance();
    const b = instance();
    const key = `/route-cache/APP_PAGE/abc/$/article/${scope}/rain`;
    await render(a, key, page("rain", "articles"));
    expect(await b.get(key, PAGE)).not.toBeNull(); // b is this process's instance: the last made
    expect(isPageCached(`/article/${scope}/rain`)).toBe(true);
    const seen = sharedRefreshCount();
    await a.revalidateTag("articles"); // b learns of it from its watch
    await pause(WATCH_MS + 300);
    expect(sharedRefreshCount()).toBeGreaterThan(seen);
    expect(isPageCached(`/article/${scope}/rain`)).toBe(false);
  });

  it("with Redis down at start: answers within 600 ms, one log line, and starts caching once it is up", async () => {
    const down = new TestRedis(await freePort());
    const shared = new SharedCache(down.url, `t${scope}`);
    open.push(shared);
    const a = new RedisCacheHandler({ shared });
    try {
      for (let i = 0; i < 20; i++) {
        const [value, ms] = await timed(() => a.get(`/d${i}`, PAGE));
        expect(value).toBeNull();
        expect(ms).toBeLessThan(600);
        const [, setMs] = await timed(() => a.set(`/d${i}`, page("d"), ctx));
        expect(setMs).toBeLessThan(600);
      }
      expect(lines().filter((line) => line.includes("unavailable"))).toHaveLength(1);
      await down.start();
      await pause(2 * WATCH_MS + 500);
      await render(a, "/up");
      expect(await a.get("/up", PAGE)).not.toBeNull();
    } finally {
      await down.kill();
    }
  });

  it("with Redis killed: reads miss at once, writes are dropped, a refresh is kept and replayed", async () => {
    const a = instance();
    const b = instance();
    await render(a, "/before", page("before", "articles"));
    await redis.kill();
    const [missed, readMs] = await timed(() => a.get("/before", PAGE));
    expect(missed).toBeNull();
    expect(readMs).toBeLessThan(600);
    for (let i = 0; i < 40; i++) {
      const [value, ms] = await timed(() => b.get(`/x${i}`, PAGE));
      expect(value).toBeNull();
      expect(ms).toBeLessThan(600);
      await b.set(`/x${i}`, page("x"), ctx);
    }
    const [, refreshMs] = await timed(() => a.revalidateTag("articles"));
    expect(refreshMs).toBeLessThan(600);
    expect(lines().filter((line) => line.includes("unavailable")).length).toBe(2); // a and b
    await redis.start();
    await pause(2 * WATCH_MS + 500); // reconnect, then a's watch meets Redis and replays
    expect(await redisCommand("HGET", `herald:t${scope}:tags`, "articles")).not.toBeNull();
    expect(lines().filter((line) => line.includes("answers again")).length).toBe(2);
    // Caching resumes.
    await render(b, "/after");
    expect(await a.get("/after", PAGE)).not.toBeNull();
  });

  it("with Redis hung: every call answers within 600 ms, and a refresh made meanwhile reaches the others", async () => {
    const a = instance();
    const b = instance();
    await render(a, "/hung", page("hung", "articles"));
    redis.hang();
    try {
      const [value, firstMs] = await timed(() => a.get("/hung", PAGE));
      expect(value).toBeNull();
      expect(firstMs).toBeLessThan(600);
      const [, skippedMs] = await timed(() => a.get("/hung", PAGE)); // skipped for a second
      expect(skippedMs).toBeLessThan(50);
      const [, setMs] = await timed(() => b.set("/hung", page("y", "articles"), ctx));
      expect(setMs).toBeLessThan(600);
      const [, refreshMs] = await timed(() => a.revalidateTag("articles"));
      expect(refreshMs).toBeLessThan(600);
    } finally {
      redis.wake();
    }
    await pause(2 * WATCH_MS + 500);
    expect(await b.get("/hung", PAGE)).toBeNull(); // the refresh was replayed
    await render(b, "/hung", page("later", "articles"));
    expect(await a.get("/hung", PAGE)).not.toBeNull();
    expect(lines().filter((line) => line.includes("unavailable")).length).toBe(2);
  });
});
