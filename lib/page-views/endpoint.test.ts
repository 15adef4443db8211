import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getArticleState } from "../news/sql/queries/article-state";
import { getMostPopular } from "../news/sql/queries/most-popular";
import {
  createSmallSite,
  createTempDb,
  idLookup,
  MINUTE_MS,
  type TempDb,
} from "../news/test-support/temp-db";
import type { PageView, ViewOutcome } from "../news/store";
import { viewEndpoint, type ViewEndpointOptions } from "./endpoint";
import { createViewLimiters, VIEW_LIMITS } from "./limits";
import { READER_COOKIE } from "./reader-cookie";
import { issueViewTicket } from "./ticket";

/**
 * POST /api/views as a route: Requests in, Responses out, over a real temporary database. The
 * clock is the test's; every test starts with fresh rate limits.
 */
const SECRET = "v".repeat(48);
const START = Date.parse("2024-06-01T12:00:00.000Z");
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

let temp: TempDb;
let ids: Map<string, number>;
let now: number;
let post: (request: Request) => Promise<Response>;
const idOf = idLookup(() => ids);

beforeAll(async () => {
  temp = await createTempDb();
  ids = await createSmallSite(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});
beforeEach(async () => {
  await temp.db.deleteFrom("page_views").execute();
  await temp.db.deleteFrom("most_read").execute();
  now = START;
  post = endpoint();
});

function endpoint(options: Partial<ViewEndpointOptions> = {}) {
  return viewEndpoint({
    record: (view) => temp.store.recordPageView(view),
    isPublic: async (id) =>
      (await getArticleState(temp.db, id, new Date(now).toISOString()))?.state === "public",
    limits: createViewLimiters(),
    secret: () => SECRET,
    trustedProxies: () => 0,
    now: () => now,
    ...options,
  });
}

/** A POST as a browser (or curl with a browser's User-Agent) from `address` would send it. */
function viewRequest(
  articleId: number,
  options: {
    ticket?: string | null;
    cookie?: string;
    address?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const ticket =
    options.ticket === undefined
      ? issueViewTicket(articleId, { now, secret: SECRET })
      : options.ticket;
  return new Request("http://localhost:3000/api/views", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": BROWSER_UA,
      // The socket peer server.mjs appends (lib/page-views/client-address.ts).
      "x-forwarded-for": options.address ?? "203.0.113.5",
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify(ticket === null ? { articleId } : { articleId, ticket }),
  });
}

/** The reader cookie a response sets, as a Cookie header ("name=value"), if any. */
function cookieOf(response: Response): string | undefined {
  return response.headers.get("set-cookie")?.split(";")[0];
}

/** The status and reason of each response, counted ("200 new-reader": 20, ...). */
async function tally(responses: Response[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const body = (await response.json()) as { counted?: boolean; reason?: string };
    const key = `${response.status} ${body.counted ? "counted" : body.reason}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const views = async (articleId: number) =>
  (
    await temp.db
      .selectFrom("page_views")
      .select("id")
      .where("article_id", "=", articleId)
      .execute()
  ).length;

/** A browser's two posts: the first gets the cookie ("new-reader"), the second counts. */
async function readAsBrowser(articleId: number, address: string): Promise<string> {
  const first = await post(viewRequest(articleId, { address }));
  expect(await first.json()).toEqual({ counted: false, reason: "new-reader" });
  const cookie = cookieOf(first)!;
  expect(await (await post(viewRequest(articleId, { address, cookie }))).json()).toEqual({
    counted: true,
  });
  return cookie;
}

describe("POST /api/views", () => {
  it("a reader's first post gets the cookie, the second counts, the third is a repeat", async () => {
    const story = idOf("s01");
    const first = await post(viewRequest(story));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ counted: false, reason: "new-reader" });
    expect(first.headers.get("set-cookie")).toMatch(
      new RegExp(
        `^${READER_COOKIE}=[0-9a-f-]{36}\\.[\\w-]{22}; Path=/api/views; Max-Age=1800; HttpOnly; SameSite=Strict$`,
      ),
    );
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    const cookie = cookieOf(first)!;

    const second = await post(viewRequest(story, { cookie }));
    expect(await second.json()).toEqual({ counted: true });
    expect(cookieOf(second)).toBe(cookie);
    expect(await (await post(viewRequest(story, { cookie }))).json()).toEqual({
      counted: false,
      reason: "repeat",
    });
    expect(await views(story)).toBe(1);
  });

  it("300 POSTs for one story without a cookie (a curl loop) count no view", async () => {
    const story = idOf("s02");
    const responses = await Promise.all(
      Array.from({ length: 300 }, () => post(viewRequest(story))),
    );
    expect(await tally(responses)).toEqual({
      "200 new-reader": VIEW_LIMITS.newReaders.capacity,
      "429 rate-limited": 300 - VIEW_LIMITS.newReaders.capacity,
    });
    for (const response of responses.filter((r) => r.status === 429))
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await views(story)).toBe(0);
  });

  it("300 POSTs for one story with one cookie kept (curl -c/-b) count one view", async () => {
    const story = idOf("s03");
    let cookie: string | undefined;
    const responses: Response[] = [];
    for (let i = 0; i < 300; i++) {
      const response = await post(viewRequest(story, { cookie }));
      cookie = cookieOf(response) ?? cookie;
      responses.push(response);
      now += 2_000 / 300;
    }
    const counts = await tally(responses);
    expect(counts["200 new-reader"]).toBe(1);
    expect(counts["200 counted"]).toBe(1);
    // The rest are repeats until the address's posts run out (one more a second), then 429.
    expect(counts["200 repeat"]).toBeLessThanOrEqual(VIEW_LIMITS.posts.capacity + 2);
    expect(counts["429 rate-limited"]).toBeGreaterThan(200);
    expect(await views(story)).toBe(1);
  });

  it("300 POSTs at once with one cookie count one view", async () => {
    const story = idOf("s04");
    const cookie = cookieOf(await post(viewRequest(story)))!;
    const responses = await Promise.all(
      Array.from({ length: 300 }, () => post(viewRequest(story, { cookie }))),
    );
    const counts = await tally(responses);
    expect(counts["200 counted"]).toBe(1);
    expect(Object.keys(counts).sort()).toEqual(["200 counted", "200 repeat", "429 rate-limited"]);
    expect(await views(story)).toBe(1);
  });

  it("one client taking a fresh cookie for every view adds a few views an hour: ten readers still outrank it", async () => {
    const boosted = idOf("s05");
    // Ten readers at ten addresses read s06.
    for (let reader = 1; reader <= 10; reader++)
      await readAsBrowser(idOf("s06"), `198.51.100.${reader}`);
    // One client, one address, for an hour: a new cookie, then a view with it, 10 times a second.
    const attacker = "203.0.113.66";
    for (let i = 0; i < 3_000; i++) {
      const first = await post(viewRequest(boosted, { address: attacker }));
      const cookie = cookieOf(first);
      if (cookie) await post(viewRequest(boosted, { address: attacker, cookie }));
      now += 1_200;
    }
    const counted = await views(boosted);
    // 3 at once, then one per 10 minutes: 3 + 6 in the hour.
    expect(counted).toBeLessThanOrEqual(VIEW_LIMITS.storyViews.capacity + 6);
    expect(counted).toBeGreaterThan(0);
    const rail = await getMostPopular(temp.db, 10, new Date(now).toISOString());
    expect(rail.items[0]!.id).toBe(idOf("s06"));
    expect(rail.items[0]!.views).toBe(10);
    expect(rail.items[1]).toMatchObject({ id: boosted, views: counted });
  });

  it("counts readers behind one address up to VIEW_LIMITS.storyViews per story, other stories and addresses apart", async () => {
    const story = idOf("s07");
    const office = "192.0.2.10";
    for (let reader = 0; reader < VIEW_LIMITS.storyViews.capacity; reader++)
      await readAsBrowser(story, office);
    const cookie = cookieOf(await post(viewRequest(story, { address: office })))!;
    const limited = await post(viewRequest(story, { address: office, cookie }));
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ counted: false, reason: "rate-limited" });
    // One more token every 10 minutes.
    expect(limited.headers.get("retry-after")).toBe("600");
    // The same reader's other story, and another address, are not limited.
    expect(
      await (await post(viewRequest(idOf("s08"), { address: office, cookie }))).json(),
    ).toEqual({ counted: true });
    await readAsBrowser(story, "192.0.2.11");
    now += 10 * MINUTE_MS;
    expect(await (await post(viewRequest(story, { address: office, cookie }))).json()).toEqual({
      counted: true,
    });
    expect(await views(story)).toBe(VIEW_LIMITS.storyViews.capacity + 2);
  });

  it("behind trusted proxies, X-Forwarded-For entries the client wrote itself change nothing", async () => {
    post = endpoint({ trustedProxies: () => 1 });
    const story = idOf("s09");
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(viewRequest(story, { address: `10.9.${i}.1, 203.0.113.77, 127.0.0.1` })),
      ),
    );
    expect((await tally(responses))["200 new-reader"]).toBe(VIEW_LIMITS.newReaders.capacity);
  });

  it("counts nothing without a valid ticket for that story; a story that is not public is 404", async () => {
    const story = idOf("s10");
    const cookie = cookieOf(await post(viewRequest(story)))!;
    const expired = issueViewTicket(story, { now: now - 25 * 60 * MINUTE_MS, secret: SECRET });
    const forged = issueViewTicket(story, { now, secret: "f".repeat(48) });
    const others = issueViewTicket(idOf("s11"), { now, secret: SECRET });
    for (const ticket of [null, "", expired, forged, others]) {
      const response = await post(viewRequest(story, { ticket, cookie }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ counted: false, reason: "no-ticket" });
    }
    for (const id of [idOf("draft"), idOf("future"), 999_999]) {
      const response = await post(viewRequest(id, { ticket: null, cookie }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ counted: false, reason: "not-found" });
    }
    expect(await views(story)).toBe(0);
  });

  it("a plain or made-up reader cookie is a new reader", async () => {
    const story = idOf("s12");
    for (const cookie of [`${READER_COOKIE}=${crypto.randomUUID()}`, `${READER_COOKIE}=x.y`]) {
      const response = await post(viewRequest(story, { cookie }));
      expect(await response.json()).toEqual({ counted: false, reason: "new-reader" });
    }
    expect(await views(story)).toBe(0);
  });

  it("turns away crawlers, prefetches, other sites' posts and malformed bodies", async () => {
    const story = idOf("s13");
    const notReaders: Array<Record<string, string>> = [
      { "user-agent": "curl/8.5.0" },
      { "sec-purpose": "prefetch" },
    ];
    for (const headers of notReaders) {
      const response = await post(viewRequest(story, { headers }));
      expect(await response.json()).toEqual({ counted: false, reason: "not-a-reader" });
    }
    expect(
      (await post(viewRequest(story, { headers: { origin: "https://evil.example" } }))).status,
    ).toBe(403);
    const malformed = new Request("http://localhost:3000/api/views", {
      method: "POST",
      headers: { "user-agent": BROWSER_UA },
      body: '{"articleId": "1; drop table"}',
    });
    expect((await post(malformed)).status).toBe(400);
    const huge = new Request("http://localhost:3000/api/views", {
      method: "POST",
      headers: { "user-agent": BROWSER_UA },
      body: `{"articleId": ${story}, "padding": "${"x".repeat(5_000_000)}"}`,
    });
    expect((await post(huge)).status).toBe(400); // read no further than 1,000 bytes
  });

  it("a write the database refuses answers 503 with Retry-After, and the next request is served", async () => {
    const story = idOf("s14");
    let failing = true;
    const record = vi.fn(async (view: PageView): Promise<ViewOutcome> =>
      failing ? { counted: false, reason: "unavailable" } : temp.store.recordPageView(view),
    );
    post = endpoint({ record });
    const cookie = cookieOf(await post(viewRequest(story)))!;
    const refused = await post(viewRequest(story, { cookie }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.json()).toEqual({ counted: false, reason: "unavailable" });
    // Its rate-limit token was given back: the reader's view counts once the database is back.
    failing = false;
    expect(await (await post(viewRequest(story, { cookie }))).json()).toEqual({ counted: true });
  });

  it("anything that throws answers 503, never an empty 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      post = endpoint({
        isPublic: () =>
          Promise.reject(Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR" })),
        record: () => Promise.reject(new Error("SQLITE_CORRUPT: database disk image is malformed")),
      });
      const story = idOf("s15");
      expect((await post(viewRequest(story, { ticket: null }))).status).toBe(503);
      const cookie = cookieOf(await post(viewRequest(story)))!;
      const response = await post(viewRequest(story, { cookie }));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ counted: false, reason: "unavailable" });
      expect(log).toHaveBeenCalledTimes(2);
    } finally {
      log.mockRestore();
    }
  });
});
