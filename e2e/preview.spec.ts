import { expect, test, type APIRequestContext } from "@playwright/test";
import { articleByExternalId, corpus } from "./support/content";
import { openE2eDatabase } from "./support/database";
import { BASE_URL } from "./support/env";
import { previewLink } from "./support/preview";
import { addStaff, signIn } from "./support/staff";
import { runTool } from "./support/tools";

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

/** `npm run preview-link -- ARGS` on the suite's database: its exit status, URL and link id. */
function previewLinkTool(...args: string[]) {
  const { status, output } = runTool("preview-link.ts", args);
  return {
    status,
    output,
    url: output.match(/https?:\/\/\S+/)?.[0] ?? null,
    linkId: output.match(/--revoke (\S+)/)?.[1] ?? null,
  };
}

test.describe("stored preview links", () => {
  test("a link from npm run preview-link is stored, and revoking it ends it at once, for someone already previewing too", async ({
    browser,
  }) => {
    const draft = articleByExternalId(DRAFT);
    const made = previewLinkTool(String(draft.id), "--hours", "2");
    expect(made.status, made.output).toBe(0);
    expect(made.url).toContain("/api/draft?token=");
    const link = new URL(made.url!);
    const row = (() => {
      const db = openE2eDatabase({ readonly: true });
      try {
        return db
          .prepare(
            "select article_id, created_by, expires_at, revoked_at from preview_links where id = ?",
          )
          .get(made.linkId) as Record<string, unknown> | undefined;
      } finally {
        db.close();
      }
    })();
    expect(row).toMatchObject({ article_id: draft.id, created_by: null, revoked_at: null });
    const hoursLeft = (Date.parse(String(row!.expires_at)) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(1.9);
    expect(hoursLeft).toBeLessThanOrEqual(2);

    const editor = await browser.newContext();
    try {
      const page = await editor.newPage();
      expect((await page.goto(`${link.pathname}${link.search}`))?.status()).toBe(200);
      await expect(page.locator("h1")).toHaveText(draft.headline);

      const revoked = previewLinkTool("--revoke", made.linkId!);
      expect(revoked.status, revoked.output).toBe(0);

      // The session made from the link is refused at once: the draft is a 404 again.
      expect((await page.goto(draft.path))?.status()).toBe(404);
      await expect(page.locator("h1")).not.toHaveText(draft.headline);
      // The link itself answers 401 and sets no cookie.
      const again = await editor.request.get(`${link.pathname}${link.search}`, { maxRedirects: 0 });
      expect(again.status()).toBe(401);
      expect(again.headers()["set-cookie"]).toBeUndefined();
    } finally {
      await editor.close();
    }
  });

  test("npm run preview-link refuses a validity outside 1 hour .. 7 days and an unknown link", () => {
    const draft = articleByExternalId(DRAFT);
    expect(previewLinkTool(String(draft.id), "--hours", "0").status).toBe(2);
    expect(previewLinkTool(String(draft.id), "--hours", "169").status).toBe(2);
    expect(previewLinkTool("--revoke", "no-such-link-0000000").status).toBe(2);
  });

  test("a newsroom story previews its latest revision at its public path, while readers keep the published one", async ({
    browser,
  }) => {
    const story = articleByExternalId(corpus[0]!.id);
    const pending = `${story.headline} <img src=x onerror=alert(1)> (pending)`;
    const content = (headline: string) =>
      JSON.stringify({
        headline,
        standfirst: "",
        slug: "a-pending-slug",
        sectionId: null,
        byline: [{ name: "Herald Staff", kind: "staff" }],
        tags: [],
        lead: { imageId: null, caption: "", credit: "", alt: "" },
        body: [{ type: "paragraph", text: "The pending body." }],
        publishAt: null,
      });
    const db = openE2eDatabase({ readonly: false });
    try {
      const at = new Date().toISOString();
      // A retry starts from the same rows.
      db.prepare("delete from article_revisions where article_id = ?").run(story.id);
      db.prepare("delete from newsroom_stories where article_id = ?").run(story.id);
      db.prepare(
        "insert into newsroom_stories (article_id, state, owner_id, head_revision, published_revision, version, review_note, withdrawn_reason, created_at, updated_at) values (?, 'published', null, 2, 1, 1, null, null, ?, ?)",
      ).run(story.id, at, at);
      for (const [n, headline] of [
        [1, story.headline],
        [2, pending],
      ] as const)
        db.prepare(
          "insert into article_revisions (article_id, number, content_json, created_by, created_at, note) values (?, ?, ?, null, ?, null)",
        ).run(story.id, n, content(headline), at);
    } finally {
      db.close();
    }
    const made = previewLinkTool(String(story.id));
    expect(made.status, made.output).toBe(0);
    const link = new URL(made.url!);
    const editor = await browser.newContext();
    const reader = await browser.newContext();
    try {
      const page = await editor.newPage();
      await page.goto(`${link.pathname}${link.search}`);
      await expect(page).toHaveURL(story.path);
      await expect(page.getByRole("region", { name: "Preview" })).toContainText(
        "Preview: pending changes to a published story",
      );
      await expect(page.locator("h1")).toHaveText(pending);
      await expect(page.locator("img[src='x']")).toHaveCount(0);
      const readerPage = await reader.newPage();
      await readerPage.goto(story.path);
      await expect(readerPage.locator("h1")).toHaveText(story.headline);
    } finally {
      await editor.close();
      await reader.close();
    }
  });
});

test.describe("the newsroom's Preview", () => {
  test("an editor previews any story at its public path; a writer may not preview another's; no session, no preview", async ({
    browser,
  }) => {
    const draft = articleByExternalId(DRAFT);
    const route = `/newsroom/stories/${draft.id}/preview`;
    const editor = await browser.newContext();
    const writer = await browser.newContext();
    const nobody = await browser.newContext();
    try {
      const editorPage = await editor.newPage();
      await signIn(editorPage, addStaff("editor"));
      await editorPage.goto(route);
      await expect(editorPage).toHaveURL(draft.path);
      await expect(editorPage.getByRole("region", { name: "Preview" })).toContainText(
        "Preview: not published",
      );
      await expect(editorPage.locator("h1")).toHaveText(draft.headline);
      const unknown = await editor.request.get("/newsroom/stories/999999/preview", {
        maxRedirects: 0,
      });
      expect(unknown.status()).toBe(404);

      const writerPage = await writer.newPage();
      await signIn(writerPage, addStaff("writer"));
      const refused = await writer.request.get(route, { maxRedirects: 0 });
      expect(refused.status()).toBe(403);
      expect(refused.headers()["set-cookie"] ?? "").not.toContain("herald_preview=");
      expect((await writerPage.goto(draft.path))?.status()).toBe(404);

      const anonymous = await nobody.request.get(route, { maxRedirects: 0 });
      expect(anonymous.status()).toBe(303);
      expect(anonymous.headers()["location"]).toContain("/newsroom/sign-in");
      expect(anonymous.headers()["set-cookie"] ?? "").not.toContain("herald_preview=");
    } finally {
      await editor.close();
      await writer.close();
      await nobody.close();
    }
  });
});
