/**
 * When a list page is too thin for a search engine's index. Google treats a page that shows
 * little or nothing as a "soft 404" (Search Central, "Soft 404 errors"), which costs the site
 * crawl budget and trust. Such pages stay reachable for readers (200) but say `noindex, follow`
 * and stay out of the sitemaps:
 * - a section front with no public story yet (until its first one);
 * - an author's or a tag's page with fewer than THIN_LIST_STORIES public stories.
 */
export const THIN_LIST_STORIES = 3;

/** The robots directive of a thin page: not indexed, its links still followed. */
export const THIN_PAGE_ROBOTS = { index: false, follow: true } as const;
