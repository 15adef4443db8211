/**
 * How fresh the site's public data is, and the cache tags its reads carry. Constants only, so
 * route files, tests and the command-line tools can share them without opening a database.
 *
 * Every cached read in lib/news/reads.ts is refreshed after {@link FRESH_SECONDS}: new and newly
 * due (scheduled) stories and the most-read ranking show within that window even if nobody
 * refreshes a tag. Writes refresh the tags they change at once (lib/news/writes.ts).
 *
 * Route files must spell their `export const revalidate = 30` as a literal (Next.js reads route
 * segment config statically); lib/news/freshness.test.ts checks that each one equals this value.
 */
export const FRESH_SECONDS = 30;

/** The cache tags: what a cached read depends on, and what a write refreshes. */
export const TAGS = {
  /** Any story: its page, every list it is on (fronts, rails, feeds, sitemaps). */
  articles: "articles",
  /** The section tree (menu, fronts, sitemaps, feeds). */
  sections: "sections",
  /** The publication's name and registration details (every page's header and footer). */
  publication: "publication",
  /** Page views, which order MOST POPULAR. */
  pageViews: "page-views",
  /** The photographs and their credits. */
  images: "images",
} as const;

/** One of {@link TAGS}. */
export type NewsTag = (typeof TAGS)[keyof typeof TAGS];

/** Every tag, for validating a revalidation request. */
export const ALL_TAGS: readonly NewsTag[] = Object.values(TAGS);
