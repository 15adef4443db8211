import { createHash } from "node:crypto";
import { devices, expect, test } from "@playwright/test";
import { articleByExternalId, corpus, pageViewCount, withDatabase } from "./support/content";
import { BASE_URL } from "./support/env";
import { openAndReport, readViewAnswers, ticketIn } from "./support/views";

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

  // Last in this file: it spends this machine's new-reader and post allowances for a minute.
  test("300 POSTs for one story, with one cookie kept and with none, count one view", async ({}, testInfo) => {
    const article = articleByExternalId(corpus[100 + testInfo.retry]!.id);
    expect(pageViewCount(article.id)).toBe(0);
    // As curl would: load the page once for its ticket, then post with a browser's User-Agent.
    const ticket = ticketIn(await (await fetch(`${BASE_URL}${article.path}`)).text(), article.id);
    const postView = (cookie?: string) =>
      fetch(`${BASE_URL}/api/views`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": READER_UA,
          ...(cookie ? { cookie } : {}),
        },
        body: JSON.stringify({ articleId: article.id, ticket }),
      });
    const answers = async (responses: Response[]) => {
      const seen: Record<string, number> = {};
      for (const response of responses) {
        const body = (await response.json()) as { counted: boolean; reason?: string };
        const key = `${response.status} ${body.counted ? "counted" : body.reason}`;
        seen[key] = (seen[key] ?? 0) + 1;
        if (response.status === 429)
          expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      return seen;
    };

    // curl -c jar -b jar: the first answer sets the cookie, which every later post sends.
    const first = await postView();
    expect(await first.json()).toEqual({ counted: false, reason: "new-reader" });
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    const kept = await answers(
      await Promise.all(Array.from({ length: 299 }, () => postView(cookie))),
    );
    expect(kept["200 counted"]).toBe(1);
    expect(
      Object.keys(kept).filter(
        (key) => !["200 counted", "200 repeat", "429 rate-limited"].includes(key),
      ),
    ).toEqual([]);

    // No cookie at all: every post is a new reader (until 429), none counts.
    const none = await answers(await Promise.all(Array.from({ length: 300 }, () => postView())));
    expect(none["200 counted"]).toBeUndefined();
    expect(none["429 rate-limited"]).toBeGreaterThan(250);

    expect(pageViewCount(article.id)).toBe(1);
  });
});
