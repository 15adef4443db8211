import { expect, test } from "@playwright/test";
import { seedArticle, seedArticleRef } from "./support/content";

/**
 * Without JavaScript (issue 5): every page is complete HTML from the server. The section menu
 * is a native <details>, pagination and every link are plain links; scripts only enhance.
 */

test.use({ javaScriptEnabled: false });

test.describe("with JavaScript disabled", () => {
  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the Sections menu opens and leads to a subsection", async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Sections" });
      const politics = nav.locator("#section-menu").getByRole("link", { name: "Politics" });
      await expect(politics).toBeHidden();
      await nav.locator("summary").click();
      await expect(nav.locator("details")).toHaveAttribute("open");
      await expect(politics).toBeVisible();
      await politics.click();
      await expect(page).toHaveURL("/national/politics");
      await expect(page.locator("h1")).toHaveText("Politics");
    });
  });

  test("pagination goes to older stories and back", async ({ page }) => {
    await page.goto("/national");
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    const firstStory = await page.locator("main article h2 a").first().getAttribute("href");
    await pagination.getByRole("link", { name: /Older/ }).click();
    await expect(page).toHaveURL(/\/national\/before\/\d+$/);
    await expect(page.locator("main article h2 a").first()).not.toHaveAttribute(
      "href",
      firstStory!,
    );
    await pagination.getByRole("link", { name: /Newer/ }).click();
    await expect(page).toHaveURL("/national");
    await expect(page.locator("main article h2 a").first()).toHaveAttribute("href", firstStory!);
  });

  test("the seed article reads in full, with its rails and plain share links", async ({ page }) => {
    await page.goto(seedArticleRef().path);
    await expect(page.locator("h1")).toHaveText(seedArticle.headline);
    await expect(page.getByText(seedArticle.byline, { exact: true })).toBeVisible();
    await expect(page.locator("main article figcaption")).toContainText(
      seedArticle.lead_image.caption,
    );
    const body = page.locator("[data-article-body] > p");
    await expect(body).toHaveText(seedArticle.body);
    for (const paragraph of await body.all()) await expect(paragraph).toBeVisible();

    const rails = page.getByRole("complementary");
    await expect(rails.getByRole("heading", { name: "MOST POPULAR" })).toBeVisible();
    await expect(rails.getByRole("heading", { name: "LATEST NEWS" })).toBeVisible();
    await expect(rails.getByRole("listitem")).toHaveCount(20);

    const share = page.getByRole("group", { name: "Share" });
    await expect(share.getByRole("link")).toHaveCount(4);
    // Buttons that need a script are not printed when there is none.
    await expect(share.getByRole("button")).toHaveCount(0);
  });
});
