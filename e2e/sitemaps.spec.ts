import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { sitemapSchemaErrors, type SitemapKind } from "../lib/test-support/sitemap-xsd";
import { articleByExternalId, frontsWithStories, sectionFronts } from "./support/content";
import { BASE_URL } from "./support/env";
import { FIXTURES, HOSTILE_HEADLINE, HOSTILE_ID, RECENT_ID } from "./support/fixtures";

/**
 * Sitemaps and robots.txt of the production build (docs/seo-sitemaps.md): every document the
 * index lists is fetched from the server and validated against the official schemas
 * (test-fixtures/schemas) with libxml2; text is read back with the browser's XML parser.
 */

const XML_TYPE = "application/xml; charset=utf-8";

/** GETs a sitemap, checks it is a 200 XML answer, cached like a page, and valid for its kind. */
async function fetchValid(request: APIRequestContext, url: string, kind: SitemapKind) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toBe(XML_TYPE);
  expect(response.headers()["cache-control"] ?? "", url).toContain("s-maxage=30");
  const xml = await response.text();
  expect(await sitemapSchemaErrors(xml, kind), url).toEqual([]);
  return xml;
}

/** The text of every element with this local name, as the browser's XML parser reads it. */
async function texts(page: Page, xml: string, localName: string): Promise<string[]> {
  return page.evaluate(
    ([source, name]) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      if (doc.getElementsByTagName("parsererror").length > 0) throw new Error("not well-formed");
      return Array.from(doc.getElementsByTagNameNS("*", name), (e) => e.textContent ?? "");
    },
    [xml, localName] as const,
  );
}

/** The <loc> of each <url> (not of its images), in order. */
async function pageLocs(page: Page, xml: string): Promise<string[]> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    const ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    return Array.from(doc.getElementsByTagNameNS(ns, "url"), (u) => {
      const loc = Array.from(u.children).find(
        (c) => c.localName === "loc" && c.namespaceURI === ns,
      );
      return loc?.textContent ?? "";
    });
  }, xml);
}

test.describe("sitemaps", () => {
  test("/sitemap.xml is a valid index and every sitemap it lists is valid", async ({
    request,
    page,
  }) => {
    test.setTimeout(180_000);
    const index = await fetchValid(request, "/sitemap.xml", "index");
    const listed = await texts(page, index, "loc");
    expect(listed.slice(0, 4)).toEqual([
      `${BASE_URL}/sitemaps/sections.xml`,
      `${BASE_URL}/sitemaps/news.xml`,
      `${BASE_URL}/sitemaps/authors.xml`,
      `${BASE_URL}/sitemaps/tags.xml`,
    ]);
    const months = listed.slice(4);
    expect(months.length).toBeGreaterThan(10);
    for (const loc of months) expect(loc).toMatch(/\/sitemaps\/articles\/\d{4}-\d{2}\.xml$/);
    const allPages: string[] = [];
    for (const loc of listed) {
      expect(loc.startsWith(`${BASE_URL}/`)).toBe(true);
      allPages.push(...(await pageLocs(page, await fetchValid(request, loc, "urlset"))));
    }
    // Every public story once in the month files, and the fixtures among them.
    const inMonths = allPages.filter((loc) => loc.includes("/article/"));
    for (const id of [RECENT_ID, HOSTILE_ID])
      expect(inMonths).toContain(`${BASE_URL}${articleByExternalId(id).path}`);
  });

  test("the sections sitemap lists home and every section front with a story, no empty one", async ({
    request,
    page,
  }) => {
    const xml = await fetchValid(request, "/sitemaps/sections.xml", "urlset");
    const withStories = frontsWithStories();
    expect(withStories.length).toBeGreaterThan(5);
    expect(withStories.length).toBeLessThan(sectionFronts.length);
    expect(await pageLocs(page, xml)).toEqual([
      `${BASE_URL}/`,
      ...withStories.map((path) => `${BASE_URL}${path}`),
    ]);
  });

  test("the news sitemap holds the fresh fixture stories, headlines as exact text", async ({
    request,
    page,
  }) => {
    const xml = await fetchValid(request, "/sitemaps/news.xml", "urlset");
    const recent = FIXTURES.find((f) => f.id === RECENT_ID)!;
    const titles = await texts(page, xml, "title");
    expect(titles).toContain(recent.headline);
    expect(titles.filter((t) => t === HOSTILE_HEADLINE)).toHaveLength(1);
    expect(xml).not.toContain("<script>");
    expect(await pageLocs(page, xml)).toEqual(
      expect.arrayContaining([
        `${BASE_URL}${articleByExternalId(RECENT_ID).path}`,
        `${BASE_URL}${articleByExternalId(HOSTILE_ID).path}`,
      ]),
    );
    for (const date of await texts(page, xml, "publication_date"))
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
  });

  test("lead photos are listed with absolute URLs that load", async ({ request, page }) => {
    const index = await (await request.get("/sitemap.xml")).text();
    const images: string[] = [];
    for (const loc of (await texts(page, index, "loc")).slice(2)) {
      const xml = await (await request.get(loc)).text();
      if (xml.includes("<image:loc>")) images.push(...(await texts(page, xml, "loc")));
    }
    const photos = images.filter((loc) => loc.includes("/images/photos/"));
    expect(photos.length).toBeGreaterThanOrEqual(3);
    for (const photo of photos) {
      expect(photo.startsWith(`${BASE_URL}/images/photos/`)).toBe(true);
      expect((await request.get(photo)).status(), photo).toBe(200);
    }
  });

  test("unknown or malformed sitemap names are 404", async ({ request }) => {
    const index = await (await request.get("/sitemap.xml")).text();
    const [, firstMonth] = /\/sitemaps\/articles\/(\d{4}-\d{2})\.xml/.exec(index) ?? [];
    expect(firstMonth).toBeDefined();
    for (const path of [
      "/sitemaps/articles/2020-13.xml",
      "/sitemaps/articles/abc.xml",
      "/sitemaps/articles/1990-01.xml",
      `/sitemaps/articles/${firstMonth}-2.xml`,
      `/sitemaps/articles/${firstMonth}-1.xml`,
      "/sitemaps/other.xml",
    ])
      for (const attempt of ["first", "cached"])
        expect((await request.get(path)).status(), `${path} (${attempt})`).toBe(404);
  });
});

test.describe("robots.txt", () => {
  test("names the sitemap index with an absolute URL and disallows /api/", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    const lines = (await response.text()).split("\n").map((l) => l.trim());
    expect(lines).toContain("User-Agent: *");
    expect(lines).toContain("Allow: /");
    expect(lines).toContain("Disallow: /api/");
    expect(lines).toContain("Disallow: /newsroom");
    expect(lines).not.toContain("Disallow: /section-front/");
    expect(lines).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`);
  });
});
