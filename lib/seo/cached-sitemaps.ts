import { unstable_cache } from "next/cache";
import { getDb } from "../db/connection";
import {
  SITEMAP_MAX_URLS,
  getArticleSitemapFiles,
  getArticleSitemapPart,
  getNewsSitemapArticles,
  getSitemapFronts,
} from "../queries/sitemaps";
import type { ArticleSitemapPart } from "./sitemap-paths";

/**
 * The sitemaps' reads, through Next.js's data cache like lib/cached.ts: tagged `articles` (and
 * `sections` for the fronts), refreshed after 30 seconds, "now" read when an entry is filled.
 * The routes are cached whole as well (ISR, `revalidate = 30`), so a crawler's request costs no
 * database query; these entries let the index and the files it lists share one read.
 *
 * Next.js keeps data-cache entries of up to 2 MB: a month file of more than ~10,000 stories is
 * then only cached as a whole route (Next logs a warning; in `next dev` it is an error).
 */
const FRESH_SECONDS = 30;
const nowIso = () => new Date().toISOString();
const options = (...tags: string[]) => ({ tags, revalidate: FRESH_SECONDS });

/** Home and every section front with its last change (lib/queries/sitemaps.ts getSitemapFronts). */
export const cachedSitemapFronts = unstable_cache(
  async () => getSitemapFronts(await getDb(), nowIso()),
  ["sitemap-fronts"],
  options("articles", "sections"),
);

/** Every article sitemap file (month and part), newest month first. */
export const cachedArticleSitemapFiles = unstable_cache(
  async () => getArticleSitemapFiles(await getDb(), nowIso(), SITEMAP_MAX_URLS),
  ["sitemap-article-files"],
  options("articles"),
);

/** The stories of one article sitemap file, or null when there is no such file. */
export const cachedArticleSitemapPart = unstable_cache(
  async (file: ArticleSitemapPart) =>
    getArticleSitemapPart(await getDb(), file, nowIso(), SITEMAP_MAX_URLS),
  ["sitemap-article-part"],
  options("articles"),
);

/** The Google News sitemap's stories (last two days, at most 1,000, newest first); may be []. */
export const cachedNewsSitemapArticles = unstable_cache(
  async () => getNewsSitemapArticles(await getDb(), nowIso()),
  ["sitemap-news"],
  options("articles"),
);
