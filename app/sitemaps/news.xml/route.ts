import { getPublication } from "@/lib/news";
import { getNewsSitemapArticles } from "@/lib/news";
import { newsSitemapResponse } from "@/lib/seo/sitemap-response";
import { absoluteUrl } from "@/lib/urls";

/**
 * GET /sitemaps/news.xml: the Google News sitemap (stories of the last two days), or a 404 while
 * there are none (an empty urlset is not valid; /sitemap.xml then leaves it out). Cached, 30 s.
 */
export const revalidate = 30;

export async function GET() {
  return newsSitemapResponse(
    await getNewsSitemapArticles(),
    async () => (await getPublication()).name,
    absoluteUrl,
  );
}
