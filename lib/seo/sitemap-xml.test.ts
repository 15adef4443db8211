import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getArticleSitemapFiles,
  getArticleSitemapPart,
  getNewsSitemapArticles,
  getSitemapFronts,
} from "../news/sql/queries/sitemaps";
import type { NewsSitemapArticle } from "../domain";
import {
  CONTROL_HEADLINE,
  HOSTILE_HEADLINE,
  SITEMAP_NOW,
  createSitemapSite,
} from "../news/test-support/sitemap-site";
import { elementTexts, sitemapSchemaErrors } from "../test-support/sitemap-xsd";
import { createTempDb, type TempDb, idLookup } from "../news/test-support/temp-db";
import { XML_CONTENT_TYPE, newsSitemapResponse } from "./sitemap-response";
import {
  MAX_ENTRIES,
  buildSitemapIndex,
  buildUrlset,
  renderArticleSitemap,
  renderListingSitemap,
  renderNewsSitemap,
  renderSectionsSitemap,
  renderSitemapIndex,
} from "./sitemap-xml";

const ORIGIN = "https://herald.example";
const url = (path: string) => `${ORIGIN}${path}`;
const PUBLICATION = "The Korea Herald";
const W3C_KST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;

let temp: TempDb;
let ids: Map<string, number>;
let news: NewsSitemapArticle[];

beforeAll(async () => {
  temp = await createTempDb({ inMemory: true });
  ids = await createSitemapSite(temp.db);
  news = await getNewsSitemapArticles(temp.db, SITEMAP_NOW);
});
afterAll(async () => {
  await temp.destroy();
});

const idOf = idLookup(() => ids);

async function indexXml(maxUrls: number, newsItems = news): Promise<string> {
  const [fronts, files] = await Promise.all([
    getSitemapFronts(temp.db, SITEMAP_NOW),
    getArticleSitemapFiles(temp.db, SITEMAP_NOW, maxUrls),
  ]);
  return renderSitemapIndex({ fronts, news: newsItems, files }, url);
}

describe("the schema check itself", () => {
  it("rejects what the schemas forbid and what is not well-formed XML", async () => {
    const good = renderNewsSitemap(news, PUBLICATION, url);
    expect(await sitemapSchemaErrors(good, "urlset")).toEqual([]);
    const wrongLanguage = good.replace("<news:language>en<", "<news:language>English<");
    expect(await sitemapSchemaErrors(wrongLanguage, "urlset")).not.toEqual([]);
    const unescaped = good.replace("Q&amp;A", "Q&A");
    expect(await sitemapSchemaErrors(unescaped, "urlset")).not.toEqual([]);
    expect(await sitemapSchemaErrors(good, "index")).not.toEqual([]);
  });
});

describe("sitemap index", () => {
  it("is valid against siteindex.xsd and lists sections, news, then every month part", async () => {
    const xml = await indexXml(2);
    expect(await sitemapSchemaErrors(xml, "index")).toEqual([]);
    expect(await elementTexts(xml, "loc")).toEqual([
      `${ORIGIN}/sitemaps/sections.xml`,
      `${ORIGIN}/sitemaps/news.xml`,
      `${ORIGIN}/sitemaps/articles/2024-06.xml`,
      `${ORIGIN}/sitemaps/articles/2024-06-2.xml`,
      `${ORIGIN}/sitemaps/articles/2024-05.xml`,
      `${ORIGIN}/sitemaps/articles/2020-04.xml`,
      `${ORIGIN}/sitemaps/articles/2020-03.xml`,
      `${ORIGIN}/sitemaps/articles/2020-03-2.xml`,
      `${ORIGIN}/sitemaps/articles/2020-03-3.xml`,
      `${ORIGIN}/sitemaps/articles/2020-02.xml`,
    ]);
    for (const lastmod of await elementTexts(xml, "lastmod")) expect(lastmod).toMatch(W3C_KST);
  });

  it("leaves the news sitemap out when no story was published in the last 2 days", async () => {
    const xml = await indexXml(50_000, []);
    expect(await sitemapSchemaErrors(xml, "index")).toEqual([]);
    expect(xml).not.toContain("news.xml");
    expect(xml).toContain(`${ORIGIN}/sitemaps/sections.xml`);
  });
});

describe("sections sitemap", () => {
  it("is valid and lists home and every front with a story, absolute URLs, lastmod in +09:00", async () => {
    const xml = renderSectionsSitemap(await getSitemapFronts(temp.db, SITEMAP_NOW), url);
    expect(await sitemapSchemaErrors(xml, "urlset")).toEqual([]);
    // The empty Opinion front is left out until its first story (no soft 404s).
    expect(await elementTexts(xml, "loc")).toEqual(
      ["/", "/news", "/news/world", "/news/tech"].map(url),
    );
    // 1 hour before SITEMAP_NOW (12:00Z) is 20:00 KST.
    expect(await elementTexts(xml, "lastmod")).toEqual([
      "2024-06-01T20:00:00+09:00",
      "2024-06-01T20:00:00+09:00",
      "2024-06-01T20:00:00+09:00",
      "2024-06-01T17:00:00+09:00",
    ]);
  });
});

describe("author and tag sitemaps", () => {
  const listings = [
    { path: "/author/wikinews-contributors", lastmod: "2024-06-01T11:00:00.000Z" },
    { path: `/tag/${encodeURIComponent("한국-태그")}`, lastmod: "2024-05-01T00:00:00.000Z" },
  ];

  it("are valid urlsets of the pages they are given, and refuse to be empty", async () => {
    const xml = renderListingSitemap(listings, url);
    expect(await sitemapSchemaErrors(xml, "urlset")).toEqual([]);
    expect(await elementTexts(xml, "loc")).toEqual(listings.map((l) => url(l.path)));
    expect(() => renderListingSitemap([], url)).toThrow(RangeError);
  });

  it("are in the index only when they list a page", async () => {
    const [fronts, files] = await Promise.all([
      getSitemapFronts(temp.db, SITEMAP_NOW),
      getArticleSitemapFiles(temp.db, SITEMAP_NOW),
    ]);
    const withAuthors = renderSitemapIndex(
      { fronts, news, files, authors: listings, tags: [] },
      url,
    );
    expect(await sitemapSchemaErrors(withAuthors, "index")).toEqual([]);
    expect(withAuthors).toContain(url("/sitemaps/authors.xml"));
    expect(withAuthors).not.toContain("tags.xml");
  });
});

describe("article sitemap of a month", () => {
  it("is valid, with canonical URLs, update times and the lead photo's absolute URL", async () => {
    const articles = await getArticleSitemapPart(
      temp.db,
      { month: "2024-05", part: 1 },
      SITEMAP_NOW,
    );
    const xml = renderArticleSitemap(articles ?? [], url);
    expect(await sitemapSchemaErrors(xml, "urlset")).toEqual([]);
    expect(await elementTexts(xml, "loc")).toEqual([
      url(`/article/${idOf("h49")}/headline-h49`),
      url(`/article/${idOf("h47")}/headline-h47`),
      url("/images/photos/bison%20herd.jpg"),
    ]);
    expect(await elementTexts(xml, "lastmod")).toEqual([
      "2024-05-30T20:00:00+09:00",
      "2024-06-01T20:00:00+09:00",
    ]);
    expect(xml).not.toContain("xmlns:news");
  });

  it("is valid for each part of a split month", async () => {
    for (const part of [1, 2, 3]) {
      const articles = await getArticleSitemapPart(
        temp.db,
        { month: "2020-03", part },
        SITEMAP_NOW,
        2,
      );
      const xml = renderArticleSitemap(articles ?? [], url);
      expect(await sitemapSchemaErrors(xml, "urlset")).toEqual([]);
      expect((await elementTexts(xml, "loc")).length).toBe(part === 3 ? 1 : 2);
    }
  });
});

describe("news sitemap", () => {
  it("is valid against the sitemap, news and image schemas", async () => {
    const xml = renderNewsSitemap(news, PUBLICATION, url);
    expect(await sitemapSchemaErrors(xml, "urlset")).toEqual([]);
    expect(await elementTexts(xml, "name")).toEqual(Array(4).fill(PUBLICATION));
    expect(await elementTexts(xml, "language")).toEqual(Array(4).fill("en"));
    expect(await elementTexts(xml, "publication_date")).toEqual([
      "2024-06-01T19:00:00+09:00",
      "2024-06-01T18:00:00+09:00",
      "2024-06-01T17:00:00+09:00",
      "2024-05-30T22:00:00+09:00",
    ]);
  });

  it("prints the hostile headline exactly once, escaped once, and it parses back exactly", async () => {
    const xml = renderNewsSitemap(news, PUBLICATION, url);
    const escaped =
      "Q&amp;A: &quot;Seoul&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; 한국 🇰🇷";
    expect(xml.split(escaped).length - 1).toBe(1);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("&amp;amp;");
    expect(await sitemapSchemaErrors(xml, "urlset")).toEqual([]);
    const titles = await elementTexts(xml, "title");
    expect(titles.filter((t) => t === HOSTILE_HEADLINE)).toHaveLength(1);
  });

  it("drops characters XML forbids (a control character in a headline) and stays valid", async () => {
    expect(CONTROL_HEADLINE).toContain("\u0007");
    const xml = renderNewsSitemap(news, PUBLICATION, url);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(await elementTexts(xml, "title")).toContain("Bell rings twice");
    expect(await sitemapSchemaErrors(xml, "urlset")).toEqual([]);
  });
});

describe("empty-news policy", () => {
  it("answers 404 (not an invalid empty urlset) when nothing was published in 2 days", async () => {
    let asked = false;
    const response = await newsSitemapResponse(
      [],
      async () => {
        asked = true;
        return PUBLICATION;
      },
      url,
    );
    expect(response.status).toBe(404);
    expect(asked).toBe(false);
    expect(() => renderNewsSitemap([], PUBLICATION, url)).toThrow(RangeError);
  });

  it("answers 200 with application/xml when there are stories", async () => {
    const response = await newsSitemapResponse(news, async () => PUBLICATION, url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XML_CONTENT_TYPE);
    expect(await sitemapSchemaErrors(await response.text(), "urlset")).toEqual([]);
  });
});

describe("builders", () => {
  it("refuse documents the schemas do not allow: empty, or over 50,000 entries", () => {
    expect(() => buildUrlset([])).toThrow(RangeError);
    expect(() => buildSitemapIndex([])).toThrow(RangeError);
    const entry = { loc: url("/x"), lastmod: null };
    expect(() => buildUrlset(Array(MAX_ENTRIES + 1).fill(entry))).toThrow(RangeError);
    expect(() => buildUrlset(Array(MAX_ENTRIES).fill(entry))).not.toThrow();
  });

  it("stay under 50 MB with 50,000 long entries (80-character slug, long photo name)", () => {
    const slug = "a".repeat(80);
    const xml = renderArticleSitemap(
      Array.from({ length: MAX_ENTRIES }, (_, i) => ({
        id: 100_000_000 + i,
        path: `/article/${100_000_000 + i}/${slug}`,
        updatedAt: SITEMAP_NOW,
        imagePath: `/images/photos/${"p".repeat(120)}.jpg`,
      })),
      (path) => `https://www.koreaherald-example.com${path}`,
    );
    expect(Buffer.byteLength(xml)).toBeLessThan(50 * 1024 * 1024);
  });
});
