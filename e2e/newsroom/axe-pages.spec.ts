import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newStory, saved, staffPage } from "../support/newsroom-story";

/**
 * Issue 17, flow 7: axe (WCAG 2.2 AA, as e2e/a11y.spec.ts) finds nothing at 390 and 1280 px on
 * the newsroom pages the other specs do not scan: each tab of the story desk, the new-story
 * page, a story's history with a comparison shown, and the 403 page a writer gets for an
 * admin's page. (The desk's default tab, the editor and the plain history: story-flow.spec;
 * sign-in, accounts, account, audit: accounts.spec; the media library: media.spec.)
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

/** axe's violations on the current page, one readable line per failing element. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}: ${v.help}`),
  );
}

test("axe finds nothing on each desk tab, the new story page, a history comparison and the 403 page", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { context, page } = await staffPage(browser, "writer", "Park Seo-yeon");
  try {
    // A story with two revisions whose headlines differ, so the history compares them.
    const id = await newStory(page);
    await page.getByLabel("Headline").fill(`Rain in Busan ${id}`);
    await saved(page);
    await page.getByLabel("Headline").fill(`Snow in Busan ${id}`);
    await saved(page);

    const pages: Array<{ path: string; ready: (p: Page) => Promise<void> }> = [
      ...["draft", "review", "scheduled", "published", "withdrawn"].map((state) => ({
        path: `/newsroom?state=${state}`,
        ready: async (p: Page) => {
          await expect(
            p.getByRole("navigation", { name: "Story states" }).locator('[aria-current="page"]'),
          ).toHaveCount(1);
        },
      })),
      {
        path: "/newsroom/stories/new",
        ready: async (p) => {
          await expect(p.getByRole("button", { name: "Start writing" })).toBeVisible();
        },
      },
      {
        path: `/newsroom/stories/${id}/history`,
        ready: async (p) => {
          const diff = p.getByRole("heading", { name: "Headline", exact: true }).locator("..");
          await expect(diff.locator("del").first()).toContainText("Rain");
          await expect(diff.locator("ins").first()).toContainText("Snow");
        },
      },
      {
        path: "/newsroom/accounts",
        ready: async (p) => {
          await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
        },
      },
    ];
    // The admin's page answers a writer 403, with a page of its own.
    const denied = await page.request.get("/newsroom/accounts", { maxRedirects: 0 });
    expect(denied.status()).toBe(403);

    const found: Record<string, string[]> = {};
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const { path, ready } of pages) {
        await page.goto(path);
        await ready(page);
        found[`${path} at ${viewport.width} px`] = await violations(page);
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  } finally {
    await context.close();
  }
});
