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

  test("the '2' link leads to page 2 with 20 other stories, marked as the current page", async ({
    page,
  }) => {
    await page.goto("/world");
    await expect(page.locator("main article")).toHaveCount(20);
    const firstPage = await storyLinks(page);
    expect(new Set(firstPage).size).toBe(20);

    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination.locator('[aria-current="page"]')).toHaveText("Page 1");
    // Several pages: at least the links to page 2 and to a last page beyond it.
    const numbered = pagination.getByRole("link", { name: /^Page \d+$/ });
    expect(await numbered.count()).toBeGreaterThanOrEqual(2);

    await pagination.getByRole("link", { name: "Page 2", exact: true }).click();
    await expect(page).toHaveURL("/world?page=2");
    await expect(page.locator("main article")).toHaveCount(20);
    await expect(
      page.getByRole("navigation", { name: "Pagination" }).locator('[aria-current="page"]'),
    ).toHaveText("Page 2");
    await expect(page.locator("h1")).toHaveText("World");

    const secondPage = await storyLinks(page);
    expect(secondPage).toHaveLength(20);
    expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
  });

  for (const bad of ["abc", "0", "-1", "99999", "1.5"]) {
    test(`?page=${bad} answers 404`, async ({ page }) => {
      const response = await page.goto(`/world?page=${bad}`);
      expect(response?.status()).toBe(404);
      await expect(page.locator("h1")).toHaveText("Page not found");
    });
  }

  test("?page=1 redirects to the bare front", async ({ page, request }) => {
    const response = await request.get("/world?page=1", { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    const location = new URL(response.headers()["location"] ?? "", BASE_URL);
    expect(location.href).toBe(`${BASE_URL}/world`);

    await page.goto("/world?page=1");
    await expect(page).toHaveURL("/world");
    await expect(page.locator("h1")).toHaveText("World");
  });

  const redirects: Array<[string, string]> = [
    ["/world?page=", "/world"],
    ["/world?page=3&page=2", "/world?page=3"],
    ["/national/politics?page=1&ref=menu", "/national/politics?ref=menu"],
    ["/section-front/2/world", "/world?page=2"],
    ["/section-front/1/national/politics", "/national/politics"],
  ];
  for (const [from, to] of redirects) {
    test(`${from} redirects once, permanently, to ${to}`, async ({ request }) => {
      const response = await request.get(from, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(new URL(response.headers()["location"] ?? "", BASE_URL).href).toBe(`${BASE_URL}${to}`);
    });
  }
});
