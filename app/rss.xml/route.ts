import { getRssFeed } from "@/lib/news";
import { rssResponse } from "@/lib/seo/feeds";

/** GET /rss.xml: RSS 2.0 feed of the 50 newest stories of the whole site, cached and refreshed every 30 s. */
export const revalidate = 30;

export async function GET() {
  return rssResponse(await getRssFeed([]));
}
