import { listFeedHandler } from "../../list-feed";

/**
 * GET /rss/tag/{slug}.xml: RSS 2.0 feed of a tag's page (app/rss/list-feed.ts). Rendered on
 * first request, then cached and refreshed every 30 s.
 */
export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export const GET = listFeedHandler("tag");
