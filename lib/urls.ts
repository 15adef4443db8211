import { readConfig } from "./config";

/**
 * Absolute URL of a path on this site, from the configured public origin (HERALD_SITE_URL):
 * absoluteUrl("/national") → "https://example.com/national". `path` must start with "/".
 */
export function absoluteUrl(path: string): string {
  return `${readConfig().siteUrl}${path}`;
}

/** Path of the RSS feed of the whole site ("/rss.xml") or of one section front ("/rss/national/politics.xml"). */
export function feedPath(sectionPath?: string): string {
  return sectionPath ? `/rss${sectionPath}.xml` : "/rss.xml";
}

/**
 * Path of a page of a section front: the front itself for the first page (`before` null), else
 * the page of stories after the story `before` ("/national?before=123").
 */
export function frontPagePath(sectionPath: string, before: number | null): string {
  return before === null ? sectionPath : `${sectionPath}?before=${before}`;
}
