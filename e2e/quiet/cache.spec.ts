import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { articleByExternalId, corpus } from "../support/content";
import {
  E2E_DIST_DIR,
  E2E_ON_POSTGRES,
  E2E_QUERY_LOG,
  E2E_SERVER_STARTED_AT,
  PROJECT_ROOT,
} from "../support/env";

/** How many database queries the server has made so far (one line each in its query log). */
const queriesSoFar = () =>
  fs.existsSync(E2E_QUERY_LOG) ? fs.readFileSync(E2E_QUERY_LOG, "utf8").split("\n").length - 1 : 0;

/**
 * Waits until the query count has not moved for a second (a stale page's background refresh,
 * started by the request before, has finished), and returns it.
 */
async function settledQueries(): Promise<number> {
  let count = queriesSoFar();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = queriesSoFar();
    if (now === count) return count;
    count = now;
  }
}

/**
 * Anonymous pages are served from Next's cache: the second request for a page costs the server no
 * database query at all. Runs alone, after every other spec (project "quiet"), so no other request
 * adds to the count; plain HTTP requests, so no page script (view beacon, rails) adds to it.
 */
test.describe("cached pages", () => {
  test.skip(
    E2E_ON_POSTGRES,
    "counts queries in HERALD_QUERY_LOG, which only the SQLite backend writes (statement-cache.ts)",
  );
  const pages = [
    [
      "an article",
      () =>
        articleByExternalId("wikinews-20041113-brazilian-delegation-returns-from-arafat-funeral")
          .path,
    ],
    ["a section front", () => "/world"],
    ["the home page", () => "/"],
  ] as const;
  for (const [name, path] of pages) {
    test(`${name} served twice makes no database query the second time`, async ({ request }) => {
      // The first request renders the page, or serves it stale and refreshes it in the background.
      expect((await request.get(path())).status()).toBe(200);
      const before = await settledQueries();
      expect(before).toBeGreaterThan(0); // the log works: rendering pages has queried the database

      // Uncompressed, so Content-Length counts the bytes as sent.
      const second = await request.get(path(), { headers: { "accept-encoding": "identity" } });
      expect(second.status()).toBe(200);
      expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
      const body = await second.body();
      expect(Number(second.headers()["content-length"])).toBe(body.length);
      expect(body.toString("utf8").trimEnd()).toMatch(/<\/html>$/);
      expect(await settledQueries()).toBe(before);
    });
  }
});

/** Every file under `dir` (none when it does not exist). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The page cache is bounded: rendered pages and cached reads stay in Herald's in-memory LRU
 * (lib/cache/memory-cache-handler.mjs), so a crawler walking every article cannot fill the disk.
 * Next.js would otherwise write each page to server/route-cache and each read to
 * cache/fetch-cache, and never remove them.
 */
test("pages rendered while the server runs are never written to disk", async ({ request }) => {
  // Articles rendered now if no earlier spec asked for them, or refreshed if they are stale.
  for (const record of corpus.slice(-3)) {
    const response = await request.get(articleByExternalId(record.id).path);
    expect(response.status()).toBe(200);
  }
  await settledQueries();
  const startedAt = Number(fs.readFileSync(E2E_SERVER_STARTED_AT, "utf8"));
  expect(startedAt).toBeGreaterThan(0);
  const dist = path.join(PROJECT_ROOT, E2E_DIST_DIR);
  const written = [
    ...filesUnder(path.join(dist, "server", "route-cache")),
    ...filesUnder(path.join(dist, "cache", "fetch-cache")),
  ].filter((file) => fs.statSync(file).mtimeMs >= startedAt);
  expect(written).toEqual([]);
});
