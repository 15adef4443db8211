import "server-only";
import { unstable_cache } from "next/cache";
import type { SectionNode } from "../domain";
import type { SearchRequest, SearchResults, Suggestion } from "../search/types";
import type { ArticleSitemapPart } from "../seo/sitemap-paths";
import { buildRssFeed } from "../seo/feeds";
import { getStore } from "./connect";
import { FRESH_SECONDS, TAGS, type NewsTag } from "./freshness";

/**
 * The reads pages use, through Next.js's data cache: a reader's request costs no database query
 * while an entry is fresh. Each entry carries the tags it depends on (lib/news/freshness.ts), so
 * a write refreshes exactly what it changed, and expires after FRESH_SECONDS anyway. "Now" is
 * read inside each entry, when it is filled: that is the moment the entry describes. Results are
 * plain JSON (the cache serialises them).
 */
const nowIso = () => new Date().toISOString();

/** unstable_cache with our freshness and `tags`, keyed by `key` plus the arguments. */
function cached<A extends unknown[], R>(
  key: string,
  tags: NewsTag[],
  read: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return unstable_cache(read, [key], { tags, revalidate: FRESH_SECONDS });
}

/** The publication: name, locale, registration details and links. */
export const getPublication = cached("publication", [TAGS.publication], async () =>
  (await getStore()).publication(),
);

/** The section tree, in menu order. */
export const getSectionTree = cached("section-tree", [TAGS.sections], async () =>
  (await getStore()).sectionTree(),
);

/**
 * The page of the front at `segments` (["national"] or ["national", "politics"]) after the story
 * `before` (null: the first page); null for an unknown section or cursor.
 */
export const getSectionFront = cached(
  "section-front",
  [TAGS.sections, TAGS.articles],
  async (segments: string[], before: number | null) =>
    (await getStore()).sectionFront(segments, before, nowIso()),
);

/**
 * One page of the author's stories whose byline slug is `slug` after the story `before` (null:
 * the first page); null for an unknown author or cursor, or an author with no public story.
 */
export const getAuthorPage = cached(
  "author-page",
  [TAGS.articles],
  async (slug: string, before: number | null) =>
    (await getStore()).authorPage(slug, before, nowIso()),
);

/** One page of the tag's stories, as {@link getAuthorPage}. */
export const getTagPage = cached(
  "tag-page",
  [TAGS.articles],
  async (slug: string, before: number | null) => (await getStore()).tagPage(slug, before, nowIso()),
);

/** The author (or tag) pages worth indexing, for their sitemap. */
export const getListingSitemap = cached(
  "sitemap-listings",
  [TAGS.articles],
  async (kind: "author" | "tag") => (await getStore()).listingSitemap(kind, nowIso()),
);

/** The RSS document of an author's or a tag's page, or null when it has no page. */
export const getListFeed = cached(
  "rss-list-feed",
  [TAGS.articles, TAGS.publication],
  async (kind: "author" | "tag", slug: string): Promise<string | null> => {
    const input = await (await getStore()).listFeedInput(kind, slug, nowIso());
    return input ? buildRssFeed(input) : null;
  },
);

/** A public story, or null (unknown, unpublished, withdrawn). */
export const getArticle = cached("article", [TAGS.articles], async (id: number) =>
  (await getStore()).article(id, nowIso()),
);

/** Up to `limit` stories related to the public story `id`. */
export const getRelated = cached("related", [TAGS.articles], async (id: number, limit: number) =>
  (await getStore()).related(id, limit, nowIso()),
);

/** The `limit` newest public stories. */
export const getLatest = cached("latest", [TAGS.articles], async (limit: number) =>
  (await getStore()).latest(limit, nowIso()),
);

/** Each top-level section with its `perSection` newest stories (the home page). */
export const getTopStories = cached(
  "top-stories",
  [TAGS.articles, TAGS.sections],
  async (perSection: number) => (await getStore()).topStoriesBySection(perSection, nowIso()),
);

/** The MOST POPULAR rail. */
export const getMostPopularRail = cached(
  "rail-most-popular",
  [TAGS.articles, TAGS.pageViews],
  async (limit: number) => (await getStore()).mostPopularRail(limit, nowIso()),
);

/** The LATEST NEWS rail. */
export const getLatestRail = cached("rail-latest", [TAGS.articles], async (limit: number) =>
  (await getStore()).latestRail(limit, nowIso()),
);

/** Every photograph with its credit, licence and source (the copyright page). */
export const getPhotoCredits = cached("photo-credits", [TAGS.images], async () =>
  (await getStore()).photoCredits(),
);

/** The canonical path for an earlier site's article id ("ud"), or null. */
export const getLegacyArticlePath = cached("legacy-article", [TAGS.articles], async (ud: string) =>
  (await getStore()).legacyArticlePath(ud, nowIso()),
);

/** The section front path for an earlier site's section code ("ct"), or null. */
export const getLegacySectionPath = cached(
  "legacy-section",
  [TAGS.sections],
  async (code: string) => (await getStore()).legacySectionPath(code),
);

/** Home and every section front with its last change (the sections sitemap and the index). */
export const getSitemapFronts = cached("sitemap-fronts", [TAGS.articles, TAGS.sections], async () =>
  (await getStore()).sitemapFronts(nowIso()),
);

/** Every article sitemap file (month and part), newest month first. */
export const getArticleSitemapFiles = cached("sitemap-article-files", [TAGS.articles], async () =>
  (await getStore()).articleSitemapFiles(nowIso()),
);

/**
 * The stories of one article sitemap file, or null when there is no such file. Next.js keeps
 * data-cache entries of up to 2 MB: a month of more than ~10,000 stories is then cached only as
 * the whole route (Next.js logs a warning).
 */
export const getArticleSitemapPart = cached(
  "sitemap-article-part",
  [TAGS.articles],
  async (file: ArticleSitemapPart) => (await getStore()).articleSitemapPart(file, nowIso()),
);

/** The Google News sitemap's stories (last two days, at most 1,000, newest first); may be []. */
export const getNewsSitemapArticles = cached("sitemap-news", [TAGS.articles], async () =>
  (await getStore()).newsSitemapArticles(nowIso()),
);

/**
 * The RSS 2.0 document of the whole site (`segments` []) or of the section front at `segments`,
 * or null for an unknown section.
 */
export const getRssFeed = cached(
  "rss-feed",
  [TAGS.articles, TAGS.sections, TAGS.publication],
  async (segments: string[]): Promise<string | null> => {
    const input = await (await getStore()).feedInput(segments, nowIso());
    return input ? buildRssFeed(input) : null;
  },
);

/**
 * A full-text search of public stories at this moment. Not cached: every query is different,
 * and a search costs a few milliseconds. `sections`: the section tree the page already holds.
 */
export async function searchStories(
  request: SearchRequest,
  sections: SectionNode[],
): Promise<SearchResults> {
  return (await getStore()).search(request, nowIso(), sections);
}

/** Headline suggestions for the header's search box; not cached, like {@link searchStories}. */
export async function suggestStories(q: string): Promise<Suggestion[]> {
  return (await getStore()).suggest(q, nowIso());
}
