import net from "node:net";
import { expect, test } from "@playwright/test";
import { articleByExternalId, seedArticle, seedArticleRef } from "./support/content";
import { BASE_URL } from "./support/env";
import { HOSTILE_HEADLINE, HOSTILE_ID, RECENT_ID, RECENT_LEGACY_ID } from "./support/fixtures";

type Ld = Record<string, unknown> & { "@type": string };

/** Every JSON-LD object on a page (arrays flattened). */
async function jsonLd(page: import("@playwright/test").Page): Promise<Ld[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const data = JSON.parse(text) as Ld | Ld[];
    return Array.isArray(data) ? data : [data];
  });
}

/** The part of a raw HTML response before </head>. */
const headOf = (html: string) => html.slice(0, html.indexOf("</head>"));

test.describe("metadata and structured data", () => {
  test("the seed article has a canonical link and a complete NewsArticle", async ({ page }) => {
    const seed = seedArticleRef();
    await page.goto(seed.path);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      `${BASE_URL}${seed.path}`,
    );
    const article = (await jsonLd(page)).find((d) => d["@type"] === "NewsArticle");
    expect(article).toBeDefined();
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      headline: seedArticle.headline,
      datePublished: "2021-09-16T21:17:00+09:00",
      dateModified: "2021-09-16T21:17:00+09:00",
      author: [{ "@type": "Organization", name: "Yonhap" }],
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "The Korea Herald",
        logo: { "@type": "ImageObject" },
      },
      mainEntityOfPage: { "@type": "WebPage", "@id": `${BASE_URL}${seed.path}` },
      articleSection: "Foreign Affairs",
      isAccessibleForFree: true,
    });
    expect(String(article!.description)).toMatch(/^Diplomats of South Korea and Japan held talks/);
    expect((article!.keywords as string[]).length).toBeGreaterThan(0);
    const image = (article!.image as Array<{ url: string }>)[0]!;
    expect(image.url).toBe(`${BASE_URL}/og/article/${seed.id}`);
    const card = await page.request.get(image.url);
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/png");
    const crumbs = (await jsonLd(page)).find((d) => d["@type"] === "BreadcrumbList");
    expect((crumbs!.itemListElement as Array<{ name: string }>).map((i) => i.name)).toEqual([
      "Home",
      "National",
      "Foreign Affairs",
    ]);
  });

  test("title, description, canonical and OpenGraph are in the first response's head, for a link-preview bot too", async ({
    request,
  }) => {
    const seed = seedArticleRef();
    const html = await (
      await request.get(seed.path, { headers: { "user-agent": "Twitterbot/1.0" } })
    ).text();
    const head = headOf(html);
    expect(head).toContain(`<title>${seedArticle.headline} | The Korea Herald</title>`);
    expect(head).toMatch(/<meta name="description" content="Diplomats of South Korea/);
    expect(head).toContain(`<link rel="canonical" href="${BASE_URL}${seed.path}"/>`);
    expect(head).toContain('<meta property="og:type" content="article"/>');
    expect(head).toContain(
      '<meta property="article:published_time" content="2021-09-16T21:17:00+09:00"/>',
    );
    expect(head).toContain('<meta property="article:section" content="Foreign Affairs"/>');
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(head).toMatch(/<meta property="og:image:width" content="1200"\/>/);
  });

  test("the home page carries WebSite and NewsMediaOrganization; fronts are self-canonical per page", async ({
    page,
  }) => {
    await page.goto("/");
    expect((await jsonLd(page)).map((d) => d["@type"]).sort()).toEqual([
      "NewsMediaOrganization",
      "WebSite",
    ]);
    // Next.js writes the root URL without its trailing slash; both spell the same URL.
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", BASE_URL);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      `${BASE_URL}/rss.xml`,
    );

    await page.goto("/world");
    const older = await page
      .getByRole("navigation", { name: "Pagination" })
      .getByRole("link", { name: /Older/ })
      .getAttribute("href");
    expect(older).toMatch(/^\/world\/before\/\d+$/);
    await page.goto(older!);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      `${BASE_URL}${older}`,
    );
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      `${BASE_URL}/rss/world.xml`,
    );
    expect((await jsonLd(page)).map((d) => d["@type"])).toEqual(["BreadcrumbList"]);
  });

  test("the 404 page is not indexed", async ({ page }) => {
    const response = await page.goto("/no-such-section");
    expect(response?.status()).toBe(404);
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
  });
});

test.describe("a headline that tries to break out", () => {
  test("renders as text in the page, the title, meta tags and JSON-LD, and runs no script", async ({
    page,
  }) => {
    const story = articleByExternalId(HOSTILE_ID);
    expect(story.headline).toBe(HOSTILE_HEADLINE);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(story.path);
    await expect(page.locator("h1")).toHaveText(HOSTILE_HEADLINE);
    await expect(page).toHaveTitle(`${HOSTILE_HEADLINE} | The Korea Herald`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      "content",
      HOSTILE_HEADLINE,
    );
    await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute(
      "content",
      HOSTILE_HEADLINE,
    );
    const article = (await jsonLd(page)).find((d) => d["@type"] === "NewsArticle");
    expect(article?.headline).toBe(HOSTILE_HEADLINE);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    // Only our own JSON-LD and Next.js's scripts: the headline added no <script> element.
    const scripts = await page
      .locator("script")
      .evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ""));
    expect(scripts.filter((text) => text.trim() === "alert(1)")).toEqual([]);
    const raw = await (await page.request.get(story.path)).text();
    expect(raw).not.toContain("<script>alert(1)</script>");
    expect(raw).not.toContain("&amp;amp;");
  });
});

test.describe("one URL per page", () => {
  const cases: Array<[string, () => string]> = [
    [`/view.php?ud=${RECENT_LEGACY_ID}`, () => articleByExternalId(RECENT_ID).path],
    ["/list.php?ct=020100000000", () => "/national"],
    ["/list.php?ct=020601000000", () => "/opinion/editorial"],
    ["/national/politics/", () => "/national/politics"],
    [`/Article/${seedArticleRef().id}`, () => seedArticleRef().path],
    ["/National/Politics", () => "/national/politics"],
    ["/WORLD?before=", () => "/world"],
    ["/World?before=123", () => "/world/before/123"],
    [`/article/${seedArticleRef().id}/Wrong-Slug`, () => seedArticleRef().path],
  ];
  for (const [from, to] of cases) {
    test(`${from} redirects once, permanently, to the canonical URL`, async ({ request }) => {
      const response = await request.get(from, { maxRedirects: 0 });
      expect([301, 308]).toContain(response.status());
      const target = new URL(response.headers()["location"] ?? "", BASE_URL);
      expect(target.origin).toBe(BASE_URL);
      expect(`${target.pathname}${target.search}`).toBe(to());
      const landed = await request.get(target.href, { maxRedirects: 0 });
      expect(landed.status()).toBe(200);
    });
  }

  for (const unknown of [
    "/view.php?ud=20000101000001",
    "/view.php?ud=abc",
    "/view.php",
    "/list.php?ct=999999999999",
    "/list.php?ct=x",
    "/national/%ZZ",
    "/article/1/%E0%A4%A",
    "/og/article/999999",
  ]) {
    test(`${unknown} answers 404`, async ({ request }) => {
      expect((await request.get(unknown, { maxRedirects: 0 })).status()).toBe(404);
    });
  }

  test("a redirect never leaves the site", async ({ request }) => {
    for (const path of [
      "//evil.example/",
      "/%2F%2Fevil.example",
      "/\\evil.example",
      "/world?page=1&next=//evil.example",
    ]) {
      const response = await request.get(`${BASE_URL}${path}`, { maxRedirects: 0 });
      const location = response.headers()["location"];
      if (location) expect(new URL(location, BASE_URL).origin).toBe(BASE_URL);
      expect(response.status()).toBeLessThan(500);
    }
  });

  test("an article id spelled with percent-escapes redirects to the plain canonical URL", async ({
    request,
  }) => {
    const seed = seedArticleRef();
    const encoded = [...String(seed.id)].map((d) => `%3${d}`).join("");
    const response = await request.get(`/article/${encoded}/${seed.slug}`, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new URL(response.headers()["location"] ?? "", BASE_URL).pathname).toBe(seed.path);
  });
});

test.describe("methods", () => {
  test("a write method is refused with 405 and never spoils a cached page, feed or sitemap", async ({
    request,
  }) => {
    for (const path of [
      "/rss/world.xml",
      "/sitemaps/sections.xml",
      "/national",
      "/images/logo.png",
      `/og/article/${seedArticleRef().id}`,
    ]) {
      for (const method of ["PUT", "DELETE", "PATCH", "POST"]) {
        const response = await request.fetch(path, { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()["allow"]).toBe("GET, HEAD");
      }
      expect((await request.get(path)).status(), `GET ${path} after the writes`).toBe(200);
    }
  });
});

/** Sends `method path` on a bare socket (clients refuse TRACE and CONNECT); the status and headers. */
async function rawRequest(method: string, path: string) {
  const { host, port } = new URL(BASE_URL);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), host.replace(/:\d+$/, ""), () =>
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    );
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString("latin1")));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  const [statusLine = "", ...lines] = answer.split("\r\n\r\n")[0]!.split("\r\n");
  const headers = Object.fromEntries(
    lines.map((line) => [
      line.slice(0, line.indexOf(":")).toLowerCase(),
      line.slice(line.indexOf(":") + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(" ")[1]), headers };
}

test.describe("methods no route takes", () => {
  test("TRACE, TRACK, CONNECT and unknown methods are refused with our headers, never a 500", async () => {
    for (const [method, path, status] of [
      ["TRACE", "/", 405],
      ["TRACE", "/national", 405],
      ["TRACE", "/api/views", 405],
      ["CONNECT", "127.0.0.1:3210", 405],
      ["TRACK", "/", 501],
      ["FOO", "/", 501],
    ] as const) {
      const response = await rawRequest(method, path);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.headers["x-content-type-options"], `${method} ${path}`).toBe("nosniff");
      expect(response.headers["x-frame-options"], `${method} ${path}`).toBe("DENY");
      expect(response.headers["cache-control"], `${method} ${path}`).toBe("no-store");
    }
  });
});
