import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { TestRedis } from "../../lib/test-support/redis-server";
import { E2E_DB_DIR, E2E_DB_PATH, E2E_ON_POSTGRES, E2E_PORT } from "../support/env";
import { Instance } from "../support/instance";
import { runTool } from "../support/tools";

/**
 * Two instances of the site (server.mjs on the suite's build, one SQLite file) sharing one page
 * cache in a redis-server of this spec's own (docs/decisions/034-shared-redis-cache.md): one
 * serves what the other rendered, a withdrawal told to one reaches both, Redis killed costs no
 * request, and caching resumes when it returns. Ports beside E2E_PORT, so checkouts side by side
 * never share one.
 */
const DIR = path.join(E2E_DB_DIR, "shared-cache");
const redis = new TestRedis(E2E_PORT + 33);

const secret = () => randomBytes(32).toString("base64url");
/** What the instances must share (lib/shared-settings.ts), as a deployment sets it. */
const SHARED = {
  DRAFT_SECRET: secret(),
  REVALIDATE_SECRET: secret(),
  HERALD_VIEW_SECRET: secret(),
  HERALD_AUTH_SECRET: secret(),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  HERALD_DEPLOYMENT_ID: `e2e-${Date.now()}`,
  HERALD_REDIS_URL: redis.url,
};

let database = "";
let a: Instance;
let b: Instance;

/** Public stories on the home page, newest first, read from `html`. */
function storiesOn(html: string): number[] {
  return [...new Set([...html.matchAll(/href="\/article\/(\d+)\//g)].map((m) => Number(m[1])))];
}

/** Polls `check` every 200 ms until it holds or `ms` pass; returns whether it held. */
async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

/** `npm run withdraw -- id`, telling `instance`; returns the tool's output. */
function withdraw(id: number, instance: Instance): string {
  const run = runTool("withdraw.ts", [String(id)], {
    ...SHARED,
    HERALD_DATABASE_PATH: database,
    HERALD_SERVER_URL: instance.url,
  });
  expect(run.status, run.output).toBe(0);
  return run.output;
}

/** The path of public story `id` (its canonical URL's path). */
function articlePath(id: number): string {
  const db = new Database(database, { readonly: true });
  try {
    const row = db.prepare("select slug from articles where id = ?").get(id) as { slug: string };
    return `/article/${id}/${row.slug}`;
  } finally {
    db.close();
  }
}

/** The lines of `instance`'s log after its first `from` characters that say `what` of Redis. */
const redisLines = (instance: Instance, from: number, what: string) =>
  instance
    .log()
    .slice(from)
    .split("\n")
    .filter((line) => line.includes(`shared cache (Redis) ${what}`));

// The cluster suite (e2e/cluster/) runs the same on PostgreSQL.
test.skip(E2E_ON_POSTGRES, "two instances on a copy of the SQLite file: SQLite only");
test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  database = path.join(DIR, "shared.db");
  const source = new Database(E2E_DB_PATH, { readonly: true });
  try {
    await source.backup(database);
  } finally {
    source.close();
  }
  await redis.start();
  const env = (port: number) => ({
    ...SHARED,
    HERALD_DATABASE_PATH: database,
    HERALD_SITE_URL: `http://127.0.0.1:${port}`,
  });
  a = new Instance(E2E_PORT + 31, env(E2E_PORT + 31));
  b = new Instance(E2E_PORT + 32, env(E2E_PORT + 32));
  await Promise.all([a.start(), b.start()]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis.kill();
  fs.rmSync(DIR, { recursive: true, force: true });
});

test("an instance without the shared settings refuses to start, naming them", async () => {
  const bare = new Instance(E2E_PORT + 34, {
    HERALD_DATABASE_PATH: database,
    HERALD_REDIS_URL: redis.url,
    HERALD_VIEW_SECRET: "",
    DRAFT_SECRET: SHARED.DRAFT_SECRET,
  });
  await expect(bare.start()).rejects.toThrow(/exited/);
  expect(await bare.stop()).toBe(1);
  const lines = bare
    .log()
    .split("\n")
    .filter((line) => line.startsWith("herald: "));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^herald: cannot start: HERALD_REDIS_URL is set, .*REVALIDATE_SECRET, HERALD_VIEW_SECRET, HERALD_AUTH_SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, HERALD_DEPLOYMENT_ID in its environment/,
  );
});

test("one instance serves the copy the other rendered; a withdrawal told to one reaches both", async () => {
  const home = await a.get("/");
  expect(home.status).toBe(200);
  const [story] = storiesOn(await home.text());
  expect(story, "a story on the home page").toBeDefined();
  const link = `href="/article/${story}/`;
  const page = articlePath(story!);
  expect((await a.get(page)).status).toBe(200);
  // B never rendered these: it serves A's copies from Redis (stored once A's render ends).
  expect(
    await eventually(async () => (await b.get(page)).headers.get("x-nextjs-cache") === "HIT"),
  ).toBe(true);
  const bHome = await b.get("/");
  expect(bHome.headers.get("x-nextjs-cache")).toBe("HIT");
  expect(await bHome.text()).toContain(link);

  expect(withdraw(story!, a)).toContain("the running server shows the change now");
  const started = Date.now(); // A has been told (the tool itself takes seconds to start)
  for (const instance of [a, b]) {
    expect(await eventually(async () => (await instance.get(page)).status === 410)).toBe(true);
    expect(
      await eventually(async () => !(await (await instance.get("/")).text()).includes(link)),
    ).toBe(true);
  }
  const took = Date.now() - started;
  console.log(`withdrawal told to A: 410 and off the home page on both after ${took} ms`);
  expect(took).toBeLessThan(5_000);
});

test("with Redis killed, every request is answered, none slowly; caching resumes when it returns", async () => {
  const home = await (await a.get("/")).text();
  const pages = ["/", ...storiesOn(home).slice(0, 9).map(articlePath)];
  const [logA, logB] = [a.log().length, b.log().length];
  await redis.kill();
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const instance = i % 2 === 0 ? a : b;
    const start = Date.now();
    const response = await instance.get(pages[i % pages.length]!);
    times.push(Date.now() - start);
    expect(response.status, pages[i % pages.length]).toBe(200);
    await response.arrayBuffer();
  }
  console.log(
    `Redis down: 40 requests, slowest ${Math.max(...times)} ms, median ${times.sort((x, y) => x - y)[20]} ms`,
  );
  expect(Math.max(...times)).toBeLessThan(2_000);
  expect(redisLines(a, logA, "is unavailable")).toHaveLength(1); // one line, not one a request
  expect(redisLines(b, logB, "is unavailable")).toHaveLength(1);

  await redis.start();
  const page = pages[1]!;
  expect(
    await eventually(async () => {
      await (await a.get(page)).arrayBuffer();
      return (await b.get(page)).headers.get("x-nextjs-cache") === "HIT";
    }, 10_000),
  ).toBe(true);
  expect(redisLines(a, logA, "answers again")).toHaveLength(1);
  expect(redisLines(b, logB, "answers again")).toHaveLength(1);
});

test("a restarted instance never serves a story withdrawn while it was down", async () => {
  const [story] = storiesOn(await (await a.get("/")).text());
  const page = articlePath(story!);
  expect((await b.get(page)).status).toBe(200);
  expect(
    await eventually(async () => (await b.get("/")).headers.get("x-nextjs-cache") === "HIT"),
  ).toBe(true);
  await b.stop();
  withdraw(story!, a);
  await b.start();
  expect((await b.get(page)).status).toBe(410);
  for (const surface of ["/", "/rss.xml", "/api/rails/latest"]) {
    const response = await b.get(surface);
    expect(response.status, surface).toBe(200);
    expect(await response.text(), surface).not.toContain(`/article/${story}/`);
  }
});
