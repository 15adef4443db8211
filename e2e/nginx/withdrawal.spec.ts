import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { withDatabase } from "../support/content";
import { BASE_URL, E2E_PORT } from "../support/env";
import { NGINX, rawGet, startNginx, type TestNginx } from "../support/nginx";
import { runTool } from "../support/tools";

/**
 * A withdrawal does not outlive nginx's window (docs/decisions/035-nginx-revalidates-in-the-foreground.md):
 * nginx keeps a page for s-maxage (30 s) from when it stored it, and then asks Herald before it
 * answers, so a withdrawn story answers 410 through nginx at most 30 s after nginx cached it,
 * and no stale copy of it is ever served after that.
 */
const PORT = E2E_PORT + 42;
const WINDOW_MS = 30_000;
/** A request's own time, and the second of rounding in nginx's clock. */
const SLACK_MS = 2_000;

let nginx: TestNginx;

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.skip(!fs.existsSync(NGINX), `${NGINX} is not installed (.ci/run installs Debian's nginx)`);

test.beforeAll(async () => {
  nginx = await startNginx(PORT, [new URL(BASE_URL).host]);
});
test.afterAll(async () => {
  await nginx?.stop();
});

/** A public story no other spec reads: the oldest one from the default content. */
function quietStory(): { id: number; path: string } {
  const row = withDatabase(
    (db) =>
      db
        .prepare(
          `select id, slug from articles where status = 'published' and withdrawn_at is null
           and external_id like 'wikinews-%' order by published_at, id limit 1`,
        )
        .get() as { id: number; slug: string },
  );
  return { id: row.id, path: `/article/${row.id}/${row.slug}` };
}

test("a withdrawn story answers 410 through nginx within 30 s of nginx caching it, never stale after", async () => {
  const story = quietStory();
  const cached = await rawGet(nginx.url, story.path);
  const cachedAt = Date.now();
  expect(cached.status).toBe(200);
  expect(cached.headers["x-cache-status"]).toBe("MISS");

  // `npm run withdraw`, telling the Herald server (not nginx, which no tool can tell).
  const withdraw = runTool("withdraw.ts", [String(story.id)]);
  expect(withdraw.status, withdraw.output).toBe(0);
  expect((await rawGet(BASE_URL, story.path)).status).toBe(410);

  // Until the window closes nginx may still answer its fresh copy; after it, only the 410.
  const seen: string[] = [];
  let goneAt = 0;
  while (Date.now() - cachedAt < WINDOW_MS + SLACK_MS * 2) {
    const response = await rawGet(nginx.url, story.path);
    const elapsed = Date.now() - cachedAt;
    seen.push(`${elapsed} ms: ${response.status} ${response.headers["x-cache-status"]}`);
    if (response.status === 410) {
      goneAt = elapsed;
      break;
    }
    expect(response.status, seen.join("\n")).toBe(200);
    // A fresh copy only: a STALE or UPDATING 200 would be the withdrawn story past its window.
    expect(response.headers["x-cache-status"], seen.join("\n")).toBe("HIT");
    expect(elapsed, seen.join("\n")).toBeLessThan(WINDOW_MS + SLACK_MS);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`nginx: the withdrawn story answered 410 ${goneAt} ms after nginx cached it`);
  expect(goneAt, seen.join("\n")).toBeGreaterThan(0);
  expect(goneAt).toBeLessThan(WINDOW_MS + SLACK_MS);
  // The 410 is then what nginx keeps (Herald marks it `public, s-maxage=60`).
  const again = await rawGet(nginx.url, story.path);
  expect(again.status).toBe(410);
  expect(again.headers["x-cache-status"]).toBe("HIT");
});
