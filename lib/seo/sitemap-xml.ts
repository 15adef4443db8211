import { toKstIso } from "../format/date";
import { escapeXml } from "../format/xml";
import type {
  ArticleSitemapFile,
  NewsSitemapArticle,
  SitemapArticle,
  SitemapFront,
  SitemapListing,
} from "../domain";
import {
  AUTHORS_SITEMAP_PATH,
  NEWS_SITEMAP_PATH,
  SECTIONS_SITEMAP_PATH,
  TAGS_SITEMAP_PATH,
  articleSitemapPath,
} from "./sitemap-paths";

/**
 * Sitemap XML (sitemaps.org 0.9, with Google's news and image extensions), as pure functions of
 * their data: no database, no clock, no environment. Absolute URLs come from the `url` function
 * the caller passes (the routes pass lib/urls.ts absoluteUrl).
 *
 * - Every piece of text (URLs included) is escaped exactly once here, with escapeXml, which also
 *   drops the characters XML 1.0 forbids; callers pass raw text.
 * - Times are taken as ISO 8601 instants and written as W3C datetimes with the +09:00 offset
 *   ("2020-03-01T09:00:00+09:00"), like every date Herald prints.
 * - The schemas allow neither an empty urlset nor an empty index, nor more than 50,000 entries:
 *   the builders throw a RangeError rather than write such a document (callers answer 404 when
 *   there is nothing to list). So does a document over the protocol's 50 MB.
 */

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
export const IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";

/** The protocol's limits for one sitemap or index file. */
export const MAX_ENTRIES = 50_000;
export const MAX_BYTES = 50 * 1024 * 1024;

/** The Google News `news:language` of every story: Herald publishes in English. */
export const NEWS_LANGUAGE = "en";

/** Makes a site path ("/article/1/x") absolute. */
export type ToUrl = (path: string) => string;

/** One `<sitemap>` of an index. `lastmod`: ISO 8601 instant, or null to leave it out. */
export type IndexEntry = { loc: string; lastmod: string | null };

/** Google News data of one URL. `publicationDate`: ISO 8601 instant. */
export type NewsEntry = {
  publicationName: string;
  language: string;
  publicationDate: string;
  title: string;
};

/** One `<url>` of a urlset: absolute `loc`, optional lastmod, image URLs and news data. */
export type UrlEntry = {
  loc: string;
  lastmod: string | null;
  images?: readonly string[];
  news?: NewsEntry;
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** `<name>text</name>`, the text escaped once. */
const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

function checkedDocument(xml: string, entries: number, what: string): string {
  if (entries === 0) throw new RangeError(`an empty ${what} is not valid`);
  if (entries > MAX_ENTRIES) throw new RangeError(`${entries} entries in one ${what}`);
  if (Buffer.byteLength(xml, "utf8") > MAX_BYTES) throw new RangeError(`${what} over 50 MB`);
  return xml;
}

/** A sitemap index (siteindex.xsd) listing `entries` in order. Throws RangeError if empty. */
export function buildSitemapIndex(entries: readonly IndexEntry[]): string {
  const body = entries.map((e) => {
    const lastmod = e.lastmod === null ? "" : element("lastmod", toKstIso(e.lastmod));
    return `  <sitemap>${element("loc", e.loc)}${lastmod}</sitemap>\n`;
  });
  const xml = `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${body.join("")}</sitemapindex>\n`;
  return checkedDocument(xml, entries.length, "sitemap index");
}

function urlXml(entry: UrlEntry): string {
  const parts = [element("loc", entry.loc)];
  if (entry.lastmod !== null) parts.push(element("lastmod", toKstIso(entry.lastmod)));
  for (const image of entry.images ?? [])
    parts.push(`<image:image>${element("image:loc", image)}</image:image>`);
  if (entry.news) {
    const n = entry.news;
    parts.push(
      "<news:news><news:publication>" +
        element("news:name", n.publicationName) +
        element("news:language", n.language) +
        "</news:publication>" +
        element("news:publication_date", toKstIso(n.publicationDate)) +
        element("news:title", n.title) +
        "</news:news>",
    );
  }
  return `  <url>${parts.join("")}</url>\n`;
}

/**
 * A urlset (sitemap.xsd, with the news and image schemas) of `entries` in order. The news and
 * image namespaces are declared only when an entry uses them. Throws RangeError if empty.
 */
export function buildUrlset(entries: readonly UrlEntry[]): string {
  const namespaces = [`xmlns="${SITEMAP_NS}"`];
  if (entries.some((e) => e.news)) namespaces.push(`xmlns:news="${NEWS_NS}"`);
  if (entries.some((e) => e.images?.length)) namespaces.push(`xmlns:image="${IMAGE_NS}"`);
  const xml = `${XML_DECLARATION}<urlset ${namespaces.join(" ")}>\n${entries.map(urlXml).join("")}</urlset>\n`;
  return checkedDocument(xml, entries.length, "urlset");
}

/** The later of the given ISO 8601 instants, or null when there are none. */
export function latestOf(times: ReadonlyArray<string | null>): string | null {
  return times.reduce<string | null>((a, t) => (t !== null && (a === null || t > a) ? t : a), null);
}

/**
 * What the sitemap index lists: the fronts, the news stories (may be empty), the month files, and
 * the indexable author and tag pages (may be empty).
 */
export type SitemapIndexData = {
  fronts: readonly SitemapFront[];
  news: readonly NewsSitemapArticle[];
  files: readonly ArticleSitemapFile[];
  authors?: readonly SitemapListing[];
  tags?: readonly SitemapListing[];
};

/**
 * /sitemap.xml: the sections sitemap, then the news sitemap only when it has stories (see
 * docs/seo.md, "Sitemaps and robots"), the authors' and the tags' sitemaps only when they list a
 * page, then the article files, newest month first.
 */
export function renderSitemapIndex(data: SitemapIndexData, url: ToUrl): string {
  const entries: IndexEntry[] = [
    { loc: url(SECTIONS_SITEMAP_PATH), lastmod: latestOf(data.fronts.map((f) => f.lastmod)) },
  ];
  if (data.news.length > 0)
    entries.push({
      loc: url(NEWS_SITEMAP_PATH),
      lastmod: latestOf(data.news.flatMap((a) => [a.updatedAt, a.publishedAt])),
    });
  for (const [path, listings] of [
    [AUTHORS_SITEMAP_PATH, data.authors ?? []],
    [TAGS_SITEMAP_PATH, data.tags ?? []],
  ] as const) {
    if (listings.length > 0)
      entries.push({ loc: url(path), lastmod: latestOf(listings.map((l) => l.lastmod)) });
  }
  for (const file of data.files)
    entries.push({ loc: url(articleSitemapPath(file)), lastmod: file.lastmod });
  return buildSitemapIndex(entries);
}

/**
 * /sitemaps/sections.xml: home and every front that has a public story, with the last change of
 * the stories they show. An empty front is left out until its first story (lib/seo/thin-pages.ts).
 */
export function renderSectionsSitemap(fronts: readonly SitemapFront[], url: ToUrl): string {
  return buildUrlset(
    fronts
      .filter((f) => f.path === "/" || f.lastmod !== null)
      .map((f) => ({ loc: url(f.path), lastmod: f.lastmod })),
  );
}

/**
 * /sitemaps/authors.xml or /sitemaps/tags.xml: the author or tag pages worth indexing, at most
 * MAX_ENTRIES (the most recently changed first, should there ever be more). Throws RangeError
 * when there are none (the route answers 404, and the index does not list it).
 */
export function renderListingSitemap(listings: readonly SitemapListing[], url: ToUrl): string {
  const kept =
    listings.length > MAX_ENTRIES
      ? [...listings].sort((a, b) => (a.lastmod < b.lastmod ? 1 : -1)).slice(0, MAX_ENTRIES)
      : listings;
  return buildUrlset(kept.map((l) => ({ loc: url(l.path), lastmod: l.lastmod })));
}

const articleEntry = (a: SitemapArticle, url: ToUrl): UrlEntry => ({
  loc: url(a.path),
  lastmod: a.updatedAt,
  images: a.imagePath === null ? [] : [url(a.imagePath)],
});

/** One article sitemap file: each story's canonical URL, its update time and its lead photo. */
export function renderArticleSitemap(articles: readonly SitemapArticle[], url: ToUrl): string {
  return buildUrlset(articles.map((a) => articleEntry(a, url)));
}

/**
 * /sitemaps/news.xml: the article entries plus Google News data (publication name, language
 * "en", publication time, headline). Throws RangeError when there are no stories.
 */
export function renderNewsSitemap(
  articles: readonly NewsSitemapArticle[],
  publicationName: string,
  url: ToUrl,
): string {
  return buildUrlset(
    articles.map((a) => ({
      ...articleEntry(a, url),
      news: {
        publicationName,
        language: NEWS_LANGUAGE,
        publicationDate: a.publishedAt,
        title: a.headline,
      },
    })),
  );
}
