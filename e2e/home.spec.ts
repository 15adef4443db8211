import { expect, test, type Page } from "@playwright/test";
import { publication } from "./support/content";

/** A rail on the page: a section of the rails `aside`, found by its heading ("MOST POPULAR"). */
function rail(page: Page, title: string) {
  return page
    .getByRole("complementary")
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

const ARTICLE_PATH = /^\/article\/[1-9][0-9]*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

test.describe("home page", () => {
  test("has one h1 and both rails, each listing exactly 10 linked stories", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);

    expect(publication.rails).toEqual(["MOST POPULAR", "LATEST NEWS"]);
    for (const title of publication.rails) {
      const section = rail(page, title);
      await expect(section, `one "${title}" rail`).toHaveCount(1);
      await expect(section.getByRole("listitem")).toHaveCount(10);
      const links = section.getByRole("link");
      await expect(links).toHaveCount(10);
      for (const link of await links.all()) {
        expect(await link.getAttribute("href")).toMatch(ARTICLE_PATH);
        expect((await link.innerText()).trim()).not.toBe("");
      }
    }
  });

  test("LATEST NEWS shows the same 10 stories as GET /api/rails/latest", async ({
    page,
    request,
  }) => {
    const api = await request.get("/api/rails/latest");
    expect(api.status()).toBe(200);
    expect(api.headers()["content-type"]).toContain("application/json");
    const body = (await api.json()) as { items: Array<{ path: string; headline: string }> };
    expect(body.items).toHaveLength(10);

    await page.goto("/");
    const links = rail(page, "LATEST NEWS").getByRole("link");
    await expect(links).toHaveText(body.items.map((item) => item.headline));
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
      body.items.map((item) => item.path),
    );
  });

  test("rails hydrate from the page and are not fetched again on load", async ({ page }) => {
    const railRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/rails/"))
        railRequests.push(request.url());
    });
    await page.goto("/");
    await page.waitForLoadState("load");
    // Hydrated: the rails' links are there and React has taken over the page.
    await expect(rail(page, "MOST POPULAR").getByRole("link")).toHaveCount(10);
    await page.waitForTimeout(3_000);
    expect(railRequests).toEqual([]);
  });
});
