import { createClient } from "@redis/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { RedisLink } from "../cache/redis-link.mjs";
import { freePort, TestRedis } from "../test-support/redis-server";
import { viewEndpoint } from "./endpoint";
import { createSharedViewLimiters, VIEW_LIMITS } from "./limits";
import { RateLimiter } from "./rate-limit";
import { LIMIT_MESSAGES, SharedRateLimiter } from "./shared-rate-limit";
import { issueViewTicket } from "./ticket";

/**
 * The page-view limits shared in Redis (decision 043) against a redis-server of the test's own,
 * with two "instances" (two connections and two local limiters, as two processes have). The
 * clock is the test's; each test has its own key prefix.
 */
const MINUTE = 60_000;
const T0 = Date.parse("2024-06-01T12:00:00.000Z");

let redis: TestRedis;
let scope = 0;
const links: RedisLink[] = [];
let errors: { mock: { calls: unknown[][] }; mockRestore: () => void };

/** A connection as one instance has it (logging through console.error, as the server does). */
function link(): RedisLink {
  const made = new RedisLink(redis.url, { messages: LIMIT_MESSAGES });
  links.push(made);
  return made;
}

/** One instance's limiter of `capacity` per `windowMs`, under this test's prefix. */
function limiter(capacity: number, windowMs: number, on = link()): SharedRateLimiter {
  return new SharedRateLimiter({
    link: on,
    prefix: `herald:t${scope}:view-limit:test:`,
    capacity,
    windowMs,
    local: new RateLimiter({ capacity, windowMs, maxKeys: 100 }),
  });
}

/** A client of the test's Redis, for looking at keys. */
async function inspect<T>(work: (client: ReturnType<typeof createClient>) => Promise<T>) {
  const client = createClient({ url: redis.url, socket: { reconnectStrategy: false } });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.disconnect();
  }
}

const lines = () => errors.mock.calls.map((call) => String(call[0]));

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
  redis.wake();
  await Promise.all(links.splice(0).map((open) => open.close()));
  if (!(await inspect(async () => true).catch(() => false))) await redis.start();
});

describe("the shared page-view limits", () => {
  it("spend and refill as the limiter in memory does, with the same waits", async () => {
    const shared = limiter(3, 3 * MINUTE);
    const takes = async (n: number, at: number) => {
      const waits: number[] = [];
      for (let i = 0; i < n; i++) waits.push(await shared.take("a", at));
      return waits;
    };
    expect(await takes(3, T0)).toEqual([0, 0, 0]);
    expect(await shared.take("a", T0)).toBe(MINUTE);
    expect(await shared.take("a", T0 + 40_000)).toBe(20_000);
    expect(await shared.take("a", T0 + MINUTE)).toBe(0);
    expect(await shared.take("a", T0 + MINUTE)).toBe(MINUTE);
    expect(await takes(4, T0 + 100 * MINUTE)).toEqual([0, 0, 0, MINUTE]);
    expect(await shared.take("b", T0)).toBe(0); // each key on its own
  });

  it("two instances on one Redis share one budget", async () => {
    const a = limiter(4, MINUTE);
    const b = limiter(4, MINUTE);
    expect(await a.take("203.0.113.5", T0)).toBe(0);
    expect(await b.take("203.0.113.5", T0)).toBe(0);
    expect(await a.take("203.0.113.5", T0)).toBe(0);
    expect(await b.take("203.0.113.5", T0)).toBe(0);
    // Each instance alone would allow four; together they allowed four.
    expect(await a.take("203.0.113.5", T0)).toBe(15_000);
    expect(await b.take("203.0.113.5", T0)).toBe(15_000);
    expect(await b.take("198.51.100.7", T0)).toBe(0);
  });

  it("a refund on one instance gives the token back to both, never beyond capacity", async () => {
    const a = limiter(2, MINUTE);
    const b = limiter(2, MINUTE);
    expect(await a.take("k", T0)).toBe(0);
    expect(await a.take("k", T0)).toBe(0);
    expect(await b.take("k", T0)).toBeGreaterThan(0);
    await b.refund("k", T0);
    expect(await a.take("k", T0)).toBe(0);
    expect(await b.take("k", T0)).toBeGreaterThan(0);
    await a.refund("fresh", T0);
    await a.refund("fresh", T0);
    const waits = [await b.take("fresh", T0), await b.take("fresh", T0), await b.take("fresh", T0)];
    expect(waits).toEqual([0, 0, 30_000]);
  });

  it("keeps each bucket under the deployment's prefix for at most its window", async () => {
    const on = link();
    const limits = createSharedViewLimiters({ url: redis.url, scope: `t${scope}`, link: on });
    await limits.posts.take("203.0.113.5", T0);
    await limits.storyViews.take("203.0.113.5 7", T0);
    const [keys, postsTtl, storyTtl] = await inspect(async (client) => [
      (await client.keys(`herald:t${scope}:*`)).sort(),
      await client.pTTL(`herald:t${scope}:view-limit:posts:203.0.113.5`),
      await client.pTTL(`herald:t${scope}:view-limit:storyViews:203.0.113.5 7`),
    ]);
    expect(keys).toEqual([
      `herald:t${scope}:view-limit:posts:203.0.113.5`,
      `herald:t${scope}:view-limit:storyViews:203.0.113.5 7`,
    ]);
    expect(postsTtl).toBeGreaterThan(0);
    expect(postsTtl).toBeLessThanOrEqual(VIEW_LIMITS.posts.windowMs);
    expect(storyTtl).toBeGreaterThan(VIEW_LIMITS.posts.windowMs);
    expect(storyTtl).toBeLessThanOrEqual(VIEW_LIMITS.storyViews.windowMs);
    // Another deployment's limits start afresh.
    const other = createSharedViewLimiters({ url: redis.url, scope: `u${scope}`, link: on });
    for (let i = 0; i < VIEW_LIMITS.storyViews.capacity; i++)
      expect(await limits.storyViews.take("x", T0)).toBe(0);
    expect(await limits.storyViews.take("x", T0)).toBeGreaterThan(0);
    expect(await other.storyViews.take("x", T0)).toBe(0);
  });

  it("with Redis killed, each instance limits on its own, logging one line", async () => {
    const a = limiter(2, MINUTE);
    expect(await a.take("k", T0)).toBe(0); // connected, in Redis
    await redis.kill();
    // Redis's bucket holds one token; the local one starts full: the local limit applies.
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) waits.push(await a.take("k", T0));
    expect(waits).toEqual([0, 0, 30_000, 30_000, 30_000]);
    await a.refund("k", T0);
    expect(await a.take("k", T0)).toBe(0); // refunded locally
    const outage = lines().filter((line) => line.includes("page-view limits"));
    expect(outage).toHaveLength(1);
    expect(outage[0]).toContain("each instance limits page views on its own");
  });

  it("with Redis hung, a take answers from the local limit rather than wait", async () => {
    const a = limiter(1, MINUTE);
    expect(await a.take("k", T0)).toBe(0);
    redis.hang();
    expect(await a.take("k", T0)).toBe(0); // Redis would say no; it does not answer, local says yes
    expect(await a.take("k", T0)).toBe(MINUTE);
    expect(lines().filter((line) => line.includes("page-view limits"))).toHaveLength(1);
  });
});

describe("POST /api/views on two instances sharing one Redis", () => {
  it("hands out VIEW_LIMITS.newReaders cookies per address between them, not per instance", async () => {
    const instance = () =>
      viewEndpoint({
        record: async () => ({ counted: true }),
        isPublic: async () => true,
        limits: createSharedViewLimiters({ url: redis.url, scope: `t${scope}`, link: link() }),
        secret: () => "v".repeat(48),
        trustedProxies: () => 0,
        now: () => T0,
      });
    const [a, b] = [instance(), instance()];
    const request = () =>
      new Request("http://localhost:3000/api/views", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36",
          "x-forwarded-for": "203.0.113.5",
        },
        body: JSON.stringify({
          articleId: 7,
          ticket: issueViewTicket(7, { now: T0, secret: "v".repeat(48) }),
        }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < VIEW_LIMITS.newReaders.capacity + 2; i++)
      statuses.push((await (i % 2 === 0 ? a : b)(request())).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(
      VIEW_LIMITS.newReaders.capacity,
    );
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});
