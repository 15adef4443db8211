import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedArticleRef } from "./support/content";
import { BASE_URL } from "./support/env";

/**
 * Search (issue 7): the results page, its safety with any query, pagination and filters, the
 * header's suggestions combobox (keyboard and axe), the no-JavaScript form, noindex and the
 * home page's SearchAction.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${v.help}`),
  );
}

const searchUrl = (q: string, extra = "") => `/search?q=${encodeURIComponent(q)}${extra}`;
const resultLinks = (page: Page) => page.locator("main ol article h3 a");

/** Types the seed headline's first word into the header's box, presses Enter, and checks that
 * the results page opens with the seed article first (with or without JavaScript). */
async function submitFromHeaderBox(page: Page) {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search stories" });
  await box.fill("Diplomats");
  await box.press("Enter");
  await expect(page).toHaveURL("/search?q=Diplomats");
  await expect(resultLinks(page).first()).toHaveAttribute("href", seedArticleRef().path);
}

test.describe("the results page", () => {
  test("a word from the seed article's headline finds it first, highlighted", async ({ page }) => {
    const seed = seedArticleRef();
    const response = await page.goto(searchUrl("Diplomats"));
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("Search");
    await expect(page.locator("#search-count")).toContainText(/\d+ results? for “Diplomats”/);
    await expect(resultLinks(page).first()).toHaveAttribute("href", seed.path);
    await expect(resultLinks(page).first().locator("mark")).toHaveText(["Diplomats"]);
    const first = page.locator("main ol > li").first();
    await expect(first.locator("time")).toHaveAttribute("datetime", /\+09:00$/);
    await expect(first.getByRole("link", { name: "Foreign Affairs" })).toBeVisible();
    // Upper case in the query string is kept as typed, and finds the same story.
    await page.goto(searchUrl("DIPLOMATS"));
    await expect(resultLinks(page).first()).toHaveAttribute("href", seed.path);
  });

  test('hostile queries, from `")(*NEAR` to 2,000 characters, all answer 200 with a sensible page', async ({
    request,
  }) => {
    const queries = [
      '")(*NEAR',
      '"',
      "korea AND OR NOT",
      "NEAR(korea, 2) -x:y ^z *",
      "'; DROP TABLE articles; --",
      "<script>alert(1)</script>",
      "🇰🇷🎉",
      "한국 외교",
      "(((",
      "x".repeat(2000),
    ];
    for (const q of queries) {
      const response = await request.get(searchUrl(q));
      expect(response.status(), q.slice(0, 30)).toBe(200);
      const html = await response.text();
      expect(html, q.slice(0, 30)).not.toContain("<script>alert(1)</script>");
      expect(html).toContain('id="search-count"');
    }
    const long = await (await request.get(searchUrl("korea ".repeat(400)))).text();
    expect(long).toContain("only the first 200 were used");
    const emoji = await (await request.get(searchUrl("🇰🇷🎉"))).text();
    expect(emoji).toContain("no words we can look for");
  });

  test("an empty query shows a prompt, and a malformed page number is a 404", async ({ page }) => {
    const response = await page.goto("/search");
    expect(response?.status()).toBe(200);
    await expect(page.locator("#search-count")).toContainText("Type one or more words");
    expect((await page.goto(searchUrl("korea", "&page=abc")))?.status()).toBe(404);
    expect((await page.goto(searchUrl("korea", "&page=0")))?.status()).toBe(404);
  });

  test("paginates ten results a page with plain links", async ({ page }) => {
    await page.goto(searchUrl("said"));
    await expect(resultLinks(page)).toHaveCount(10);
    const firstOnPage1 = await resultLinks(page).first().getAttribute("href");
    const pages = page.getByRole("navigation", { name: "Result pages" });
    await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 1");
    await pages.getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/\/search\?q=said&page=2$/);
    await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 2");
    await expect(resultLinks(page).first()).not.toHaveAttribute("href", firstOnPage1!);
    await expect(page.locator("main ol")).toHaveAttribute("start", "11");
    await pages.getByRole("link", { name: /Previous/ }).click();
    await expect(page).toHaveURL(/\/search\?q=said$/);
    await expect(resultLinks(page).first()).toHaveAttribute("href", firstOnPage1!);
    // Past the last page: a page that says so, with a way back.
    await page.goto(searchUrl("said", "&page=9999"));
    await expect(page.getByRole("link", { name: /Go to the last page/ })).toBeVisible();
  });

  test("filters by section and dates, and explains what it ignored", async ({ page }) => {
    await page.goto(searchUrl("Diplomats", "&section=national"));
    await expect(resultLinks(page).first()).toHaveAttribute("href", seedArticleRef().path);
    await page.goto(searchUrl("Diplomats", "&section=sports"));
    await expect(resultLinks(page)).toHaveCount(0);
    await expect(page.locator("#search-count")).toContainText("0 results");
    // The seed article was published on Sept 16, 2021 (KST).
    await page.goto(searchUrl("Diplomats", "&from=2021-09-16&to=2021-09-16"));
    await expect(resultLinks(page).first()).toHaveAttribute("href", seedArticleRef().path);
    await page.goto(searchUrl("Diplomats", "&from=2021-09-17"));
    await expect(page.locator("#search-count")).toBeVisible();
    await expect(page.locator(`main ol a[href="${seedArticleRef().path}"]`)).toHaveCount(0);
    const bad = await page.goto(searchUrl("Diplomats", "&from=2021-02-30&section=NO%20SUCH"));
    expect(bad?.status()).toBe(200);
    const notices = page.getByRole("list", { name: "Notices" });
    await expect(notices).toContainText("The start date was ignored");
    await expect(notices).toContainText("That section does not exist");
    await expect(resultLinks(page).first()).toHaveAttribute("href", seedArticleRef().path);
    // The form keeps the filters that applied.
    await page.goto(searchUrl("Diplomats", "&section=national&from=2021-01-01"));
    await expect(page.locator("#search-section")).toHaveValue("national");
    await expect(page.locator("#search-from")).toHaveValue("2021-01-01");
  });

  test("is noindex and never cached publicly", async ({ page, request }) => {
    await page.goto(searchUrl("korea"));
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const response = await request.get(searchUrl("korea"));
    const cacheControl = response.headers()["cache-control"] ?? "";
    expect(cacheControl).not.toMatch(/public|s-maxage/);
  });

  test("fits a 320 px screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(searchUrl("korea"));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});

test.describe("the header's search box", () => {
  test("suggests stories while typing and works by keyboard as a combobox", async ({ page }) => {
    const seed = seedArticleRef();
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search stories" });
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.focus();
    await box.pressSequentially("diplom");
    const listbox = page.getByRole("listbox", { name: "Suggested stories" });
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(box).toHaveAttribute("aria-controls", (await listbox.getAttribute("id"))!);
    const options = listbox.getByRole("option");
    await expect(options.filter({ hasText: seed.headline })).toHaveCount(1);
    // Screen readers hear how many there are (a polite live region, outside the listbox).
    await expect(
      page.getByRole("search", { name: "Site search" }).locator("[aria-live]"),
    ).toHaveText(/^\d+ suggested stor(y|ies)\. Use the arrow keys to choose\.$/);

    await box.press("ArrowDown");
    const firstId = await options.first().getAttribute("id");
    await expect(box).toHaveAttribute("aria-activedescendant", firstId!);
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expect(box).toBeFocused();
    await box.press("ArrowUp"); // wraps to the last
    await expect(options.last()).toHaveAttribute("aria-selected", "true");

    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(listbox).toBeHidden();
    await expect(box).toHaveValue("diplom");

    // Down reopens at the first; move to the seed article and open it with Enter.
    await box.press("ArrowDown");
    const seedIndex = await options.evaluateAll(
      (els, headline) => els.findIndex((el) => el.textContent?.includes(headline)),
      seed.headline,
    );
    for (let i = 0; i < seedIndex; i += 1) await box.press("ArrowDown");
    await expect(options.nth(seedIndex)).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(page).toHaveURL(seed.path);
  });

  test("Enter with no suggestion chosen submits the search", async ({ page }) => {
    await submitFromHeaderBox(page);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [390, 1280]) {
      test(`passes axe with the suggestions open and on the results page (${colorScheme}, ${width} px)`, async ({
        page,
      }) => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        await page.goto("/");
        const box = page.getByRole("combobox", { name: "Search stories" });
        await box.focus();
        await box.pressSequentially("korea");
        await expect(page.getByRole("listbox", { name: "Suggested stories" })).toBeVisible();
        await box.press("ArrowDown");
        const open = await axeViolations(page);
        await page.goto(searchUrl("korea"));
        const results = await axeViolations(page);
        expect({ open, results }).toEqual({ open: [], results: [] });
      });
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's box submits to the results page", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await submitFromHeaderBox(page);
  });
});

test("the home page's WebSite offers a SearchAction", async ({ page }) => {
  await page.goto("/");
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const website = blocks
    .flatMap((text) => [JSON.parse(text)].flat() as Array<Record<string, unknown>>)
    .find((d) => d["@type"] === "WebSite");
  expect(website?.potentialAction).toEqual({
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${BASE_URL}/search?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  });
});
