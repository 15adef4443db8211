import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import Parser from "rss-parser";
import { sitemapSchemaErrors } from "../../lib/test-support/sitemap-xsd";
import { BASE_URL } from "../support/env";
import {
  newStory,
  publicPath,
  saved,
  staffPage,
  uploadInPicker,
  withdrawStory,
  writeStory,
} from "../support/newsroom-story";

/**
 * Issue 17, "Security tests": hostile text in every field of a story written and published
 * through the newsroom is stored as typed and shown as text everywhere (the editor, the desk,
 * the public page, its JSON-LD, RSS, the sitemaps, the share card); `javascript:` and `data:`
 * links are refused in the link dialog with the reason, and the rest of the story is kept; a
 * 5 MB body is named beside the field and never posted, and fixing it saves the story; a 5 MB
 * Server Action post is refused with a 4xx and the site keeps serving. No dialog ever opens.
 */

const HOSTILE_HEADLINE = `Q&A: "Seoul" </script><script>alert(1)</script><img src=x onerror=alert(1)> 한국 🇰🇷`;
const STANDFIRST = `What </p><img src=x onerror=alert(1)> & "who" said <b>today</b>`;
const BYLINE = `<img src=x onerror=alert(1)> Kim & "Lee"`;
const TAG = `<script>alert(1)</script> 태그 & co`;
const SLUG_ATTEMPT = `<script>alert(1)</script>`;
const PARAGRAPH = `<img src=x onerror=alert(1)> & "quoted" </p><script>alert(1)</script> text`;
const SECOND = "Read the council's statement.";
const LEAD = {
  alt: `<img src=x onerror=alert(1)> alt "A" & B`,
  caption: `</figcaption><script>alert(1)</script> lead caption`,
  credit: `<b>Credit</b> & Co`,
  colour: "#2a6f97",
};
const PHOTO = {
  alt: `Body <img onerror=alert(2)> alt`,
  caption: `<img src=x onerror=alert(2)> body caption`,
  credit: `"Yonhap" & <i>AP</i>`,
  colour: "#c1502e",
};

/** No element made from the text: no <img src=x>, no script that says alert. */
async function noMarkupFromText(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    imgX: document.querySelectorAll('img[src="x"]').length,
    bold: [...document.querySelectorAll("b, i")].filter((e) =>
      /Credit|today|AP/.test(e.textContent ?? ""),
    ).length,
    scripts: [...document.querySelectorAll("script")].filter(
      (s) => s.type !== "application/ld+json" && (s.textContent ?? "").trim() === "alert(1)",
    ).length,
  }));
  expect(found).toEqual({ imgX: 0, bold: 0, scripts: 0 });
}

/** Parses XML in the page's browser; throws when it is not well-formed. */
async function parseXml(page: Page, xml: string, localName: string): Promise<string[]> {
  return page.evaluate(
    ([source, name]) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("not well-formed");
      return Array.from(doc.getElementsByTagNameNS("*", name), (e) => e.textContent ?? "");
    },
    [xml, localName] as const,
  );
}

/** The sitemaps the index lists, each fetched and validated; returns their text. */
async function validSitemaps(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get("/sitemap.xml")).text();
  expect(await sitemapSchemaErrors(index, "index")).toEqual([]);
  const locs = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const texts: string[] = [];
  for (const loc of locs) {
    const response = await request.get(new URL(loc).pathname);
    expect(response.status(), loc).toBe(200);
    const xml = await response.text();
    expect(await sitemapSchemaErrors(xml, "urlset"), loc).toEqual([]);
    texts.push(xml);
  }
  return texts;
}

test("hostile text in every field: stored as typed, shown as text on every surface; bad links and a 5 MB body refused, nothing valid lost", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const { context, page } = await staffPage(browser, "editor", "Hostile Desk Editor");
  const dialogs: string[] = [];
  context.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    const id = await newStory(page);
    // The story's id keeps the headline (and so its slug) unique when the spec runs again.
    const HEADLINE = `${HOSTILE_HEADLINE} ${id}`;
    await writeStory(page, {
      headline: HEADLINE,
      standfirst: STANDFIRST,
      byline: BYLINE,
      tags: TAG,
      body: PARAGRAPH,
    });

    // A hostile slug is refused beside the field; following the headline again mends it.
    const slug = page.getByLabel("Slug");
    await slug.fill(SLUG_ATTEMPT);
    await expect(page.locator("#story-slug-error")).toContainText("The slug may hold only");
    await expect(slug).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Follow the headline" }).click();
    await expect(page.locator("#story-slug-error")).toHaveCount(0);
    const slugValue = await slug.inputValue();
    expect(slugValue).not.toMatch(/[<>"&/]/);

    // The lead photo, uploaded with hostile alt text, caption and credit.
    const lead = page.getByRole("group", { name: "Lead photo" });
    await lead.getByRole("button", { name: "Choose a photo" }).click();
    await uploadInPicker(page, LEAD);
    await expect(lead.getByLabel("Caption")).toHaveValue(LEAD.caption);

    // javascript: and data: links are refused in the link dialog, with the reason.
    const body = page.getByRole("textbox", { name: "Body" });
    await body.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(SECOND);
    const toolbar = page.getByRole("toolbar", { name: "Body formatting" });
    await toolbar.getByRole("button", { name: "Link" }).click();
    const linkDialog = page.getByRole("dialog", { name: "Link" });
    const address = linkDialog.getByLabel("Link address (http, https or mailto)");
    for (const [href, protocol] of [
      ["javascript:alert(1)", "javascript:"],
      ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:"],
    ] as const) {
      await address.fill(href);
      await linkDialog.getByRole("button", { name: "Apply link" }).click();
      await expect(linkDialog.getByRole("alert")).toHaveText(
        `Links may only be http, https or mailto (not ${protocol}).`,
      );
      await expect(address).toHaveAttribute("aria-invalid", "true");
    }
    await linkDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(linkDialog).toHaveCount(0);
    await expect(body.locator("a")).toHaveCount(0);

    // A body photo whose caption is markup.
    await page.keyboard.press("Control+End");
    await toolbar.getByRole("button", { name: "Photo" }).click();
    await uploadInPicker(page, PHOTO);
    await saved(page);

    // Read back: every field as typed.
    await page.reload();
    await expect(page.getByLabel("Headline")).toHaveValue(HEADLINE);
    await expect(page.getByLabel("Standfirst")).toHaveValue(STANDFIRST);
    await expect(page.getByLabel("Slug")).toHaveValue(slugValue);
    await expect(page.getByLabel("Name 1", { exact: true })).toHaveValue(BYLINE);
    await expect(page.getByLabel("Tags")).toHaveValue(TAG);
    await expect(lead.getByLabel("Alt text")).toHaveValue(LEAD.alt);
    await expect(lead.getByLabel("Caption")).toHaveValue(LEAD.caption);
    await expect(lead.getByLabel("Credit")).toHaveValue(LEAD.credit);
    await expect(body.locator("p").first()).toHaveText(PARAGRAPH);
    await expect(body.locator("p").nth(1)).toHaveText(SECOND);
    await expect(body.locator("figure img")).toHaveAttribute("alt", PHOTO.alt);
    await expect(body.locator("figure figcaption")).toHaveText(
      `${PHOTO.caption} (${PHOTO.credit})`,
    );
    await expect(body.locator("a")).toHaveCount(0);
    await noMarkupFromText(page);

    // The desk lists it by its headline, as text.
    await page.goto("/newsroom");
    await expect(page.getByRole("link", { name: HEADLINE, exact: true })).toBeVisible();
    await noMarkupFromText(page);

    // Published: the public page.
    await page.goto(`/newsroom/stories/${id}`);
    await page.getByRole("button", { name: "Publish now" }).click();
    await expect(page.getByText("Published: readers see it now.")).toBeVisible();
    await page.goto("/newsroom?state=published");
    await expect(page.getByRole("link", { name: HEADLINE, exact: true })).toBeVisible();
    await noMarkupFromText(page);
    const path = await publicPath(page, id);

    const reader = await browser.newContext();
    reader.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      const view = await reader.newPage();
      await expect
        .poll(async () => (await view.goto(path))?.status(), { timeout: 30_000 })
        .toBe(200);
      await expect(view.locator("h1")).toHaveText(HEADLINE);
      await expect(view).toHaveTitle(`${HEADLINE} | The Korea Herald`);
      const main = view.locator("main");
      await expect(main.getByText(STANDFIRST, { exact: true })).toBeVisible();
      await expect(main).toContainText(BYLINE);
      await expect(main.getByRole("link", { name: TAG, exact: true })).toBeVisible();
      await expect(main.getByText(PARAGRAPH, { exact: true })).toBeVisible();
      await expect(main.getByText(SECOND, { exact: true })).toBeVisible();
      await expect(main.getByRole("img", { name: LEAD.alt, exact: true })).toBeVisible();
      await expect(main.getByRole("img", { name: PHOTO.alt, exact: true })).toBeAttached();
      const captions = (await main.locator("figcaption").allTextContents()).map((t) =>
        t.replace(/\s+/g, " ").trim(),
      );
      expect(captions).toEqual([
        `${LEAD.caption} (${LEAD.credit})`,
        `${PHOTO.caption} (${PHOTO.credit})`,
      ]);
      await expect(main.locator("a[href^='javascript:'], a[href^='data:']")).toHaveCount(0);
      await noMarkupFromText(view);

      // JSON-LD: parses, holds the headline as typed; nothing broke out of the script.
      const ld = await view.locator('script[type="application/ld+json"]').allTextContents();
      const parsed = ld.flatMap((text) => {
        expect(text).not.toMatch(/<\/script/i);
        const data = JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[];
        return Array.isArray(data) ? data : [data];
      });
      const article = parsed.find((d) => d["@type"] === "NewsArticle");
      expect(article?.headline).toBe(HEADLINE);
      const raw = await (await reader.request.get(path)).text();
      expect(raw).not.toContain("<script>alert(1)</script>");
      expect(raw).not.toMatch(/<img src=x/i);

      // The page's share image loads; the generated card (which draws the headline) is a PNG.
      const og = await view.locator('meta[property="og:image"]').getAttribute("content");
      expect(og).toBeTruthy();
      const image = await reader.request.get(new URL(og!).pathname + new URL(og!).search);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toMatch(/^image\//);
      const card = await reader.request.get(`/og/article/${id}`);
      expect(card.status()).toBe(200);
      expect(card.headers()["content-type"]).toBe("image/png");

      // RSS: well-formed; the item's title is the headline as typed.
      await expect
        .poll(
          async () => {
            const xml = await (await reader.request.get("/rss.xml")).text();
            await parseXml(view, xml, "title");
            const feed = await new Parser().parseString(xml);
            return feed.items.find((i) => i.link === `${BASE_URL}${path}`)?.title ?? null;
          },
          { timeout: 90_000, intervals: [2_000, 5_000] },
        )
        .toBe(HEADLINE);

      // Sitemaps: every one valid; the news sitemap names the headline as typed.
      await expect
        .poll(
          async () => {
            const sitemaps = await validSitemaps(reader.request);
            const titles: string[] = [];
            for (const xml of sitemaps) titles.push(...(await parseXml(view, xml, "title")));
            return titles.includes(HEADLINE);
          },
          { timeout: 90_000, intervals: [5_000] },
        )
        .toBe(true);
    } finally {
      await reader.close();
    }
    expect(dialogs).toEqual([]);
    // Off the public surfaces again, for the specs that check the fixtures' lists.
    await page.goto(`/newsroom/stories/${id}`);
    await withdrawStory(page);
  } finally {
    await context.close();
  }
});

test("a 5 MB body is named beside the field and never posted; fixed, the story saves; a 5 MB Server Action post is a 4xx", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { context, page } = await staffPage(browser, "writer");
  const dialogs: string[] = [];
  context.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    const id = await newStory(page);
    const headline = `A story that must not be lost ${id}`;
    // The autosave's own post, kept to replay with a 5 MB body.
    const autosave = page.waitForRequest(
      (r) =>
        r.method() === "POST" &&
        !!r.headers()["next-action"] &&
        !(r.headers()["content-type"] ?? "").startsWith("multipart/"),
    );
    await page.getByLabel("Headline").fill(headline);
    const body = page.getByRole("textbox", { name: "Body" });
    await body.click();
    await page.keyboard.type("A valid first paragraph.");
    await saved(page);
    const captured = await autosave;

    const bigPosts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && (r.postDataBuffer()?.byteLength ?? 0) > 1_000_000)
        bigPosts.push(r.url());
    });
    await body.click();
    await page.keyboard.press("Control+End");
    await page.evaluate((size) => {
      const target = document.getElementById("story-body")!;
      const data = new DataTransfer();
      data.setData("text/plain", "x".repeat(size));
      target.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, 5_000_000);
    await expect(page.locator("#story-body-error")).toContainText("limit is 200,000", {
      timeout: 30_000,
    });
    await expect(
      page.getByRole("status").filter({ hasText: "Not saved: fix the marked fields" }),
    ).toBeVisible({ timeout: 15_000 });
    expect(bigPosts).toEqual([]);

    // Fixed (the paste undone): the error goes and the story saves, nothing valid lost.
    await expect(body).toBeFocused();
    await page.keyboard.press("Control+z");
    await expect(page.locator("#story-body-error")).toHaveCount(0, { timeout: 30_000 });
    await page.getByLabel("Standfirst").fill("Written after the refusal.");
    await saved(page);
    expect(bigPosts).toEqual([]);
    await page.reload();
    await expect(page.getByLabel("Headline")).toHaveValue(headline);
    await expect(page.getByLabel("Standfirst")).toHaveValue("Written after the refusal.");
    await expect(body).toHaveText("A valid first paragraph.");

    // The same Server Action posted directly with a 5 MB body: a 4xx, and the site serves on.
    const original = captured.postData() ?? "";
    expect(original).toContain(headline);
    const huge = original.replace(headline, "x".repeat(5_000_000));
    const keep = ["next-action", "content-type", "accept", "next-router-state-tree"];
    const headers = Object.fromEntries(
      Object.entries(captured.headers()).filter(([k]) => keep.includes(k.toLowerCase())),
    );
    const response = await page.request.post(captured.url(), {
      headers: { ...headers, origin: BASE_URL, referer: captured.url() },
      data: huge,
      maxRedirects: 0,
    });
    // 413 from the proxy (lib/proxy/answers.ts), before Next.js would throw over its 1 MB cap.
    expect(response.status()).toBe(413);
    expect((await page.request.get("/")).status()).toBe(200);
    await page.reload();
    await expect(page.getByLabel("Headline")).toHaveValue(headline);
    expect(dialogs).toEqual([]);
  } finally {
    await context.close();
  }
});
