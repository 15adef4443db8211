import { createHash } from "node:crypto";
import { devices, expect, test } from "@playwright/test";
import { articleByExternalId, corpus, pageViewCount, withDatabase } from "./support/content";
import { openAndReport, readViewAnswers } from "./support/views";

/** A normal desktop Chrome's User-Agent (no "HeadlessChrome"), so the server counts the view. */
const READER_UA = devices["Desktop Chrome"].userAgent;

test.describe("page views", () => {
  test("a reader's first view counts, the second is a repeat, and one row is stored", async ({
    browser,
  }, testInfo) => {
    expect(READER_UA).not.toMatch(/headless/i);
    // An article no other test opens; a retry takes the next one, so the count stays exact.
    const article = articleByExternalId(corpus[60 + testInfo.retry]!.id);
    expect(pageViewCount(article.id)).toBe(0);

    const context = await browser.newContext({ userAgent: READER_UA });
    await readViewAnswers(context);
    const page = await context.newPage();
    expect(await openAndReport(page, article.path)).toEqual({ counted: true });
    expect(await openAndReport(page, article.path)).toEqual({
      counted: false,
      reason: "repeat",
    });

    expect(pageViewCount(article.id)).toBe(1);
    // The stored reader is the hash of the browser's cookie, never the cookie itself.
    const cookie = (await context.cookies()).find((c) => c.name === "herald_reader");
    expect(cookie?.httpOnly).toBe(true);
    const stored = withDatabase(
      (db) =>
        db
          .prepare("select reader_hash from page_views where article_id = ?")
          .all(article.id) as Array<{
          reader_hash: string;
        }>,
    );
    expect(stored).toEqual([
      { reader_hash: createHash("sha256").update(cookie!.value).digest("hex").slice(0, 32) },
    ]);
    await context.close();
  });

  test("a headless browser is not counted as a reader", async ({ page }) => {
    expect(await page.evaluate(() => navigator.userAgent)).toContain("HeadlessChrome");
    await readViewAnswers(page);
    const article = articleByExternalId(corpus[80]!.id);
    expect(await openAndReport(page, article.path)).toEqual({
      counted: false,
      reason: "not-a-reader",
    });
    expect(pageViewCount(article.id)).toBe(0);
  });
});
