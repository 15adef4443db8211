import { expect, test } from "@playwright/test";
import { seedArticleRef } from "./support/content";
import { BASE_URL } from "./support/env";
import { photoArticle } from "./support/reader-pages";

/**
 * Reader features (issue 5): share links without third-party scripts, "Copy link", a print
 * layout for articles, and "Back to top".
 */

test.describe("sharing an article", () => {
  test("email, X, Facebook and LinkedIn links carry the encoded canonical URL and headline; no outside scripts", async ({
    page,
  }) => {
    const seed = seedArticleRef();
    await page.goto(seed.path);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(canonical).toBe(`${BASE_URL}${seed.path}`);
    const share = page.getByRole("group", { name: "Share" });
    const href = async (name: string) =>
      new URL((await share.getByRole("link", { name }).getAttribute("href"))!);

    const email = await href("Share by Email");
    expect(email.protocol).toBe("mailto:");
    expect(email.searchParams.get("subject")).toBe(seed.headline);
    expect(email.searchParams.get("body")).toContain(canonical);
    const x = await href("Share on X (opens in a new tab)");
    expect(x.origin).toBe("https://x.com");
    expect([x.searchParams.get("url"), x.searchParams.get("text")]).toEqual([
      canonical,
      seed.headline,
    ]);
    expect((await href("Share on Facebook (opens in a new tab)")).searchParams.get("u")).toBe(
      canonical,
    );
    expect((await href("Share on LinkedIn (opens in a new tab)")).searchParams.get("url")).toBe(
      canonical,
    );

    const scripts = await page
      .locator("script[src]")
      .evaluateAll((els) => els.map((el) => new URL((el as HTMLScriptElement).src).origin));
    expect(scripts.length).toBeGreaterThan(0);
    expect(new Set(scripts)).toEqual(new Set([BASE_URL]));
  });

  test("Copy link puts the canonical URL on the clipboard and says so", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
    const seed = seedArticleRef();
    await page.goto(seed.path);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("status")).toHaveText("Link copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${BASE_URL}${seed.path}`,
    );
  });
});

test.describe("printing an article", () => {
  test("prints headline, byline, dates, photo, body and the canonical URL; no menus, rails, share or footer links", async ({
    page,
  }) => {
    const article = photoArticle();
    await page.goto(article.path);
    await page.emulateMedia({ media: "print" });
    const main = page.locator("main article");
    await expect(main.locator("h1")).toBeVisible();
    await expect(main.getByText(/^By /)).toBeVisible();
    await expect(main.getByText(/^Published : /).first()).toBeVisible();
    await expect(main.locator("figure img")).toBeVisible();
    await expect(page.locator("[data-article-body] p").first()).toBeVisible();
    await expect(main.getByText(`Read online: ${BASE_URL}${article.path}`)).toBeVisible();

    await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
    await expect(page.getByRole("complementary")).toBeHidden();
    await expect(page.getByRole("group", { name: "Share" })).toBeHidden();
    await expect(page.getByRole("heading", { name: "RELATED ARTICLES" })).toBeHidden();
    const footerLinks = page.getByRole("contentinfo").locator("a");
    expect(await footerLinks.count()).toBeGreaterThan(3);
    for (const link of await footerLinks.all()) await expect(link).toBeHidden();

    await page.emulateMedia({ media: "screen" });
    await expect(main.getByText(/^Read online: /)).toBeHidden();
  });
});

test.describe("Back to top", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("on a long page, returns to the top", async ({ page }) => {
    await page.goto("/");
    const back = page.getByRole("link", { name: "Back to top" });
    await back.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
    await back.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole("banner")).toBeInViewport();
  });
});
