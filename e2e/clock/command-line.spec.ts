import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { articleByExternalId, frontOfStory } from "../support/content";
import { E2E_DB_DIR } from "../support/env";
import { runTool } from "../support/tools";

/**
 * The command-line writers tell the running server what they changed (lib/news/refresh.ts), so
 * a read right after shows the change: not after the 30-second freshness window. Each check
 * first reads the pages, so they are cached and fresh when the command runs.
 */
const SOON_MS = 5_000;

const run = runTool;

/** Polls `check` every 250 ms for at most SOON_MS; returns whether it became true. */
async function soon(check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + SOON_MS;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return check();
}

const text = async (request: APIRequestContext, url: string) => (await request.get(url)).text();

test.describe.configure({ mode: "serial", timeout: 120_000 });

test("npm run import: a new story is on its front and in the feed at once", async ({ request }) => {
  const front = "/national/politics";
  const headline = "Command-line import shows at once";
  for (const url of [front, "/rss.xml"]) expect(await text(request, url)).not.toContain(headline);
  const file = path.join(E2E_DB_DIR, "cli-import.jsonl");
  fs.writeFileSync(
    file,
    `${JSON.stringify({
      id: "e2e-cli-import",
      headline,
      published: new Date(Date.now() - 60_000).toISOString(),
      body: ["Imported from the command line while the site runs."],
      section: "national/politics",
    })}\n`,
  );
  const imported = run("import.ts", [file]);
  expect(imported.status, imported.output).toBe(0);
  expect(imported.output).toContain("the running server shows the change now");
  for (const url of [front, "/rss.xml"])
    expect(await soon(async () => (await text(request, url)).includes(headline)), url).toBe(true);
});

test("npm run withdraw: the story answers 410 and leaves its front, the feed and home at once", async ({
  request,
}) => {
  const story = articleByExternalId("e2e-cli-import"); // imported by the test above
  const lists = async () =>
    Promise.all([frontOfStory(story.id), "/rss.xml", "/"].map((url) => text(request, url)));
  expect((await request.get(story.path)).status()).toBe(200);
  for (const page of await lists()) expect(page).toContain(story.path);

  const withdraw = run("withdraw.ts", [String(story.id)]);
  expect(withdraw.status, withdraw.output).toBe(0);
  expect(withdraw.output).toContain("the running server shows the change now");

  expect(await soon(async () => (await request.get(story.path)).status() === 410)).toBe(true);
  expect(await soon(async () => (await lists()).every((page) => !page.includes(story.path)))).toBe(
    true,
  );
});

test("with no server running, the command still succeeds and says so", () => {
  const story = articleByExternalId("wikinews-20041118-chinese-submarine-enters-japanese-waters");
  const result = run("withdraw.ts", [String(story.id)], {
    HERALD_SERVER_URL: "http://127.0.0.1:9",
  });
  expect(result.status, result.output).toBe(0);
  expect(result.output).toContain(`withdrew article ${story.id}`);
  expect(result.output).toMatch(/note: no server answered at http:\/\/127\.0\.0\.1:9/);
});
