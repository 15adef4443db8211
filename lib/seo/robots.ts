import type { MetadataRoute } from "next";
import { SITEMAP_INDEX_PATH } from "./sitemap-paths";

/**
 * Paths crawlers are asked to leave alone: the JSON endpoints and preview routes (/api/, with
 * /api/draft), and the newsroom (/newsroom, which also answers noindex and needs a session).
 */
export const DISALLOWED_PATHS = ["/api/", "/newsroom"] as const;

/**
 * robots.txt: every crawler may fetch everything but {@link DISALLOWED_PATHS}; the sitemap index
 * is named with an absolute URL (`url` makes a path absolute). Only the index is named: it lists
 * the news sitemap whenever that has stories (docs/seo.md).
 */
export function robotsFile(url: (path: string) => string): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...DISALLOWED_PATHS] },
    sitemap: url(SITEMAP_INDEX_PATH),
  };
}
