import { getListingSitemap } from "@/lib/news";
import { sitemapNotFound, xmlResponse } from "@/lib/seo/sitemap-response";
import { renderListingSitemap } from "@/lib/seo/sitemap-xml";
import { absoluteUrl } from "@/lib/urls";

/**
 * GET /sitemaps/tags.xml: every tag page with at least THIN_LIST_STORIES public stories
 * (lib/seo/thin-pages.ts), or a 404 while there is none (an empty urlset is not valid; the index
 * then leaves it out). Cached, refreshed every 30 s.
 */
export const revalidate = 30;

export async function GET() {
  const listings = await getListingSitemap("tag");
  if (listings.length === 0) return sitemapNotFound();
  return xmlResponse(renderListingSitemap(listings, absoluteUrl));
}
