import { z } from "zod";

/**
 * Where the sitemaps live, and the names of the article sitemap files. One source for the route
 * handlers, the index that lists them, robots.txt and the tests.
 *
 * Article sitemaps are split by month of publication in Korea Standard Time (the publication's
 * own calendar): "2020-03.xml" holds the stories published in March 2020 KST. A month with more
 * stories than one file may hold continues in "2020-03-2.xml", "2020-03-3.xml", ... ("-1" is
 * never written: the first part is the bare month).
 */

export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const SECTIONS_SITEMAP_PATH = "/sitemaps/sections.xml";
export const NEWS_SITEMAP_PATH = "/sitemaps/news.xml";
/** The author and tag pages worth indexing (lib/seo/thin-pages.ts). */
export const AUTHORS_SITEMAP_PATH = "/sitemaps/authors.xml";
export const TAGS_SITEMAP_PATH = "/sitemaps/tags.xml";
export const ARTICLE_SITEMAPS_PREFIX = "/sitemaps/articles/";

/** A month of publication, "YYYY-MM", and a 1-based part of it. */
export type ArticleSitemapPart = { month: string; part: number };

/** The file's base name without ".xml": "2020-03" for part 1, "2020-03-2" for part 2. */
export function articleSitemapName({ month, part }: ArticleSitemapPart): string {
  return part === 1 ? month : `${month}-${part}`;
}

/** The path of an article sitemap file: "/sitemaps/articles/2020-03.xml", ".../2020-03-2.xml". */
export function articleSitemapPath(file: ArticleSitemapPart): string {
  return `${ARTICLE_SITEMAPS_PREFIX}${articleSitemapName(file)}.xml`;
}

/**
 * The `[file]` route parameter of an article sitemap: "YYYY-MM.xml" or "YYYY-MM-N.xml" with a
 * real month (01-12, year 1000-9999) and a part N from 2 to 9999 written without leading zeros.
 * Anything else ("2020-13.xml", "2020-3.xml", "2020-03-1.xml", "abc.xml") fails, which the route
 * answers with a 404.
 */
export const articleSitemapFileSchema = z
  .string()
  .regex(/^([1-9]\d{3}-(?:0[1-9]|1[0-2]))(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/)
  .transform((file): ArticleSitemapPart => {
    const [, month = "", part] = /^(\d{4}-\d{2})(?:-(\d+))?\.xml$/.exec(file) ?? [];
    return { month, part: part === undefined ? 1 : Number(part) };
  });
