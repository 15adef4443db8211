import { expect, test } from "@playwright/test";
import { sectionFronts } from "./support/content";
import { BASE_URL } from "./support/env";

test.describe("section fronts", () => {
  test("every section and subsection front answers 200 with its name as h1", async ({
    request,
  }) => {
    const tops = sectionFronts.filter((front) => front.parent === null);
    expect(tops).toHaveLength(9);
    expect(sectionFronts.length).toBeGreaterThan(9);
    for (const front of sectionFronts) {
      const response = await request.get(front.path, { maxRedirects: 0 });
      expect(response.status(), front.path).toBe(200);
      const html = await response.text();
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
      const escaped = front.name.replace(/&/g, "&amp;");
      expect(h1, `${front.path} h1`).toBe(escaped);
    }
  });

  test("unknown sections and subsections answer 404", async ({ request }) => {
    for (const path of ["/no-such-section", "/national/no-such-sub"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  });

  test("a section with no stories shows an empty state (200)", async ({ page }) => {
    const response = await page.goto("/opinion/editorial");
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("Editorial");
    await expect(page.getByText("No stories in Editorial yet.", { exact: true })).toBeVisible();
    await expect(page.locator("main article")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  });
});

test.describe("pagination", () => {
  const storyLinks = (page: import("@playwright/test").Page) =>
    page
      .locator("main article h2 a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));

  test("'Older' leads to the next 20 stories and 'Newer' back to the front", async ({ page }) => {
    await page.goto("/world");
    await expect(page.locator("main article")).toHaveCount(20);
    const firstPage = await storyLinks(page);
    expect(new Set(firstPage).size).toBe(20);
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination.getByRole("link", { name: /Newer/ })).toHaveCount(0);

    await pagination.getByRole("link", { name: /Older/ }).click();
    // The cursor is the id of the first page's last story.
    const lastId = /^\/article\/(\d+)\//.exec(firstPage.at(-1) ?? "")?.[1];
    await expect(page).toHaveURL(`/world/before/${lastId}`);
    await expect(page.locator("h1")).toHaveText("World");
    const secondPage = await storyLinks(page);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);

    await page
      .getByRole("navigation", { name: "Pagination" })
      .getByRole("link", { name: /Newer/ })
      .click();
    await expect(page).toHaveURL("/world");
    expect(await storyLinks(page)).toEqual(firstPage);
  });

  for (const bad of ["abc", "0", "-1", "99999999", "1.5", "1e3"]) {
    test(`/world/before/${bad} answers 404`, async ({ page }) => {
      const response = await page.goto(`/world/before/${bad}`);
      expect(response?.status()).toBe(404);
      await expect(page.locator("h1")).toHaveText("Page not found");
    });

    test(`the earlier ?before=${bad} ends in a 404 too`, async ({ page }) => {
      const response = await page.goto(`/world?before=${bad}`);
      expect(response?.status()).toBe(404);
      await expect(page.locator("h1")).toHaveText("Page not found");
    });
  }

  test("a cursor from another section answers 404", async ({ page, request }) => {
    await page.goto("/national");
    const href = await page.locator("main article h2 a").first().getAttribute("href");
    const id = /^\/article\/(\d+)\//.exec(href ?? "")?.[1];
    expect(id).toBeTruthy();
    expect((await request.get(`/national/before/${id}`)).status()).toBe(200);
    expect((await request.get(`/world/before/${id}`)).status()).toBe(404);
  });

  const redirects: Array<[string, string]> = [
    ["/world?before=", "/world"],
    ["/world?before=123", "/world/before/123"],
    ["/world?before=3&before=2", "/world/before/3"],
    ["/National/Politics?before=5&utm_source=x", "/national/politics/before/5?utm_source=x"],
  ];
  test("the internal front route of earlier versions is gone: 404", async ({ request }) => {
    expect((await request.get("/section-front/123/world", { maxRedirects: 0 })).status()).toBe(404);
  });

  for (const [from, to] of redirects) {
    test(`${from} redirects once, permanently, to ${to}`, async ({ request }) => {
      const response = await request.get(from, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(new URL(response.headers()["location"] ?? "", BASE_URL).href).toBe(`${BASE_URL}${to}`);
    });
  }
});
