import { expect, test } from "@playwright/test";
import { seedArticleRef } from "./support/content";
import { WIDTHS, horizontalOverflow, layoutPages, photoArticle } from "./support/reader-pages";

/**
 * Responsive layout (issue 5): no sideways scrolling from a 320 px phone to a 1440 px monitor,
 * a readable measure for body text, the rails below the article on phones and beside it on
 * desktops, and a compact header on phones.
 */

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("no horizontal scrolling on home, a section front, the seed article and a photo article", async ({
      page,
    }) => {
      const overflow: Record<string, number> = {};
      for (const { name, path } of [...layoutPages(), photoArticle()]) {
        await page.goto(path);
        overflow[name] = await horizontalOverflow(page);
      }
      expect(overflow).toEqual({
        home: 0,
        "section front": 0,
        "seed article": 0,
        "photo article": 0,
      });
    });
  });
}

test.describe("on a desktop (1280 px)", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("body text is set at about 60–75 characters a line", async ({ page }) => {
    for (const path of [seedArticleRef().path, photoArticle().path]) {
      await page.goto(path);
      // Characters on each full line of the body's paragraphs (a paragraph's last line is partial).
      const perLine = await page.locator("[data-article-body] p").evaluateAll((paragraphs) =>
        paragraphs.flatMap((p) => {
          const text = p.firstChild;
          if (!text || text.nodeType !== Node.TEXT_NODE) return [];
          const range = document.createRange();
          const counts = new Map<number, number>();
          for (let i = 0; i < (text as Text).length; i += 1) {
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            const top = range.getClientRects()[0]?.top;
            if (top !== undefined)
              counts.set(Math.round(top), (counts.get(Math.round(top)) ?? 0) + 1);
          }
          return [...counts.values()].slice(0, -1);
        }),
      );
      expect(perLine.length, path).toBeGreaterThan(5);
      const mean = perLine.reduce((a, b) => a + b, 0) / perLine.length;
      expect(mean, path).toBeGreaterThanOrEqual(60);
      expect(mean, path).toBeLessThanOrEqual(75);
    }
  });

  test("the rails sit beside the article, and the header shows every top-level section", async ({
    page,
  }) => {
    await page.goto(seedArticleRef().path);
    const article = (await page.locator("main article").first().boundingBox())!;
    const rails = (await page.locator("main aside").boundingBox())!;
    expect(rails.x).toBeGreaterThanOrEqual(article.x + article.width);
    expect(Math.abs(rails.y - article.y)).toBeLessThan(40);
    await expect(
      page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "National" }),
    ).toBeVisible();
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Korea Herald Youtube" }),
    ).toBeVisible();
  });
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the rails come after the article, and the header is compact", async ({ page }) => {
    await page.goto(seedArticleRef().path);
    const article = (await page.locator("main article").first().boundingBox())!;
    const rails = (await page.locator("main aside").boundingBox())!;
    expect(rails.y).toBeGreaterThanOrEqual(article.y + article.height);
    expect(rails.width).toBeGreaterThan(300);

    // Name and menu button only: at most an eighth of the screen; promo links wait in the menu.
    const header = (await page.getByRole("banner").boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(844 / 8);
    const youtube = page.getByRole("banner").getByRole("link", { name: "Korea Herald Youtube" });
    await expect(youtube).toBeHidden();
    await page.getByRole("navigation", { name: "Sections" }).locator("summary").click();
    await expect(youtube).toBeVisible();
  });
});
