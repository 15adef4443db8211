import { expect, test, type APIRequestContext } from "@playwright/test";
import { articleByExternalId } from "./support/content";
import { BASE_URL } from "./support/env";
import { previewLink } from "./support/preview";

const DRAFT = "herald-draft-editorial-corrections";
const SCHEDULED = "herald-scheduled-weekender-slow-reading";

/** Every text a reader can fetch that lists stories: fronts, rails, feeds, sitemaps. */
async function everythingAReaderCanList(request: APIRequestContext): Promise<string> {
  const paths = [
    "/",
    "/opinion",
    "/opinion/editorial",
    "/topics",
    "/topics/weekender",
    "/api/rails/latest",
    "/api/rails/most-popular",
    "/rss.xml",
    "/rss/opinion/editorial.xml",
    "/rss/topics/weekender.xml",
    "/sitemap.xml",
    "/sitemaps/sections.xml",
    "/sitemaps/news.xml",
  ];
  const index = await (await request.get("/sitemap.xml")).text();
  for (const match of index.matchAll(/<loc>([^<]+)<\/loc>/g))
    paths.push(new URL(match[1]!).pathname);
  const bodies = await Promise.all(paths.map(async (p) => (await request.get(p)).text()));
  return bodies.join("\n");
}

test.describe("preview", () => {
  test("an editor previews a draft and a scheduled story while a reader sees neither anywhere", async ({
    browser,
  }) => {
    const draft = articleByExternalId(DRAFT);
    const scheduled = articleByExternalId(SCHEDULED);
    const editor = await browser.newContext();
    const reader = await browser.newContext();
    try {
      const editorPage = await editor.newPage();
      const response = await editorPage.goto(await previewLink(draft.id));
      expect(response?.status()).toBe(200);
      await expect(editorPage).toHaveURL(draft.path);
      await expect(editorPage.getByRole("region", { name: "Preview" })).toContainText(
        "Preview: not published",
      );
      await expect(editorPage.locator("h1")).toHaveText(draft.headline);
      expect(response?.headers()["cache-control"]).toMatch(/private/);
      expect(response?.headers()["cache-control"]).toMatch(/no-store/);
      await expect(editorPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

      await editorPage.goto(await previewLink(scheduled.id));
      await expect(editorPage).toHaveURL(scheduled.path);
      await expect(editorPage.getByRole("region", { name: "Preview" })).toContainText(
        "Preview: not published · scheduled for Jan 4, 2030 - 07:00 KST",
      );

      // The editor's session covers the story its link named, and no other.
      const other = await editorPage.goto(draft.path);
      expect(other?.status()).toBe(404);

      const readerPage = await reader.newPage();
      for (const story of [draft, scheduled]) {
        expect((await readerPage.goto(story.path))?.status(), story.path).toBe(404);
        expect(
          (await reader.request.get(`/article/${story.id}`, { maxRedirects: 0 })).status(),
        ).toBe(404);
        expect((await reader.request.get(`/og/article/${story.id}`)).status()).toBe(404);
        const view = await reader.request.post("/api/views", {
          data: { articleId: story.id },
          headers: {
            "user-agent":
              "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36",
          },
        });
        expect(view.status()).toBe(404);
      }
      const listed = await everythingAReaderCanList(reader.request);
      for (const story of [draft, scheduled]) {
        expect(listed).not.toContain(story.headline);
        expect(listed).not.toContain(story.path);
      }
    } finally {
      await editor.close();
      await reader.close();
    }
  });

  test("exit preview is a POST that ends it; the reader still gets 404 afterwards", async ({
    browser,
  }) => {
    const draft = articleByExternalId(DRAFT);
    const editor = await browser.newContext();
    const page = await editor.newPage();
    await page.goto(await previewLink(draft.id));
    await expect(page.locator("h1")).toHaveText(draft.headline);
    await page.getByRole("button", { name: "Exit preview" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/`);
    expect((await page.goto(draft.path))?.status()).toBe(404);
    await editor.close();
    const reader = await browser.newContext();
    expect((await reader.request.get(draft.path)).status()).toBe(404);
    await reader.close();
  });
});

test.describe("entering preview", () => {
  const refused = async (request: APIRequestContext, path: string) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(response.headers()["set-cookie"], path).toBeUndefined();
  };

  test("refuses a missing, malformed, tampered or expired token, and a wrong secret, without setting a cookie", async ({
    request,
  }) => {
    const draft = articleByExternalId(DRAFT);
    const valid = new URL(await previewLink(draft.id), BASE_URL).searchParams.get("token")!;
    const [h, p, s] = valid.split(".") as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), sub: "1" }),
    ).toString("base64url");
    await refused(request, "/api/draft");
    await refused(request, "/api/draft?token=");
    await refused(request, "/api/draft?token=not-a-token");
    await refused(request, `/api/draft?token=${h}.${forged}.${s}`);
    await refused(request, `/api/draft?token=${h}.${p}.${s.slice(0, -3)}xyz`);
    const expired = new URL(
      await previewLink(draft.id, { seconds: 60, now: Date.now() - 3_600_000 }),
      BASE_URL,
    );
    await refused(request, `${expired.pathname}${expired.search}`);
    await refused(request, `/api/draft?secret=wrong&id=${draft.id}`);
    await refused(request, `${(await previewLink(999_999)).toString()}`);
  });

  test("redirects only to the article's own path, whatever the query string says", async ({
    request,
  }) => {
    const draft = articleByExternalId(DRAFT);
    for (const extra of [
      "&slug=//evil.example",
      "&redirect=https://evil.example/",
      "&next=/%2F%2Fevil.example",
    ]) {
      const response = await request.get(`${await previewLink(draft.id)}${extra}`, {
        maxRedirects: 0,
      });
      expect(response.status()).toBe(307);
      expect(new URL(response.headers()["location"] ?? "", BASE_URL).href).toBe(
        `${BASE_URL}${draft.path}`,
      );
      expect(response.headers()["set-cookie"]).toContain("herald_preview=");
    }
  });
});
