import {
  getArticleSitemapFiles,
  getListingSitemap,
  getNewsSitemapArticles,
  getSitemapFronts,
} from "@/lib/news";
import { xmlResponse } from "@/lib/seo/sitemap-response";
import { renderSitemapIndex } from "@/lib/seo/sitemap-xml";
import { absoluteUrl } from "@/lib/urls";

/**
 * GET /sitemap.xml: the sitemap index (sections, news when it has stories, authors and tags when
 * they list a page, one file per month).
 * A route handler in a folder named "sitemap.xml", not the `app/sitemap.ts` metadata file: that
 * convention writes a urlset, not an index. Cached whole and refreshed every 30 s.
 */
export const revalidate = 30;

export async function GET() {
  const [fronts, news, files, authors, tags] = await Promise.all([
    getSitemapFronts(),
    getNewsSitemapArticles(),
    getArticleSitemapFiles(),
    getListingSitemap("author"),
    getListingSitemap("tag"),
  ]);
  return xmlResponse(renderSitemapIndex({ fronts, news, files, authors, tags }, absoluteUrl));
}
