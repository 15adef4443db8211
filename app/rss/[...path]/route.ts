import { getRssFeed } from "@/lib/news";
import { rssResponse } from "@/lib/seo/feeds";
import { feedSegmentsSchema } from "@/lib/seo/feed-data";

/**
 * GET /rss/national.xml, /rss/national/politics.xml: RSS 2.0 feed of a section front's 50 newest
 * stories (a top-level section's include its subsections'). Rendered on first request, then
 * cached and refreshed every 30 s. Unknown sections and malformed paths are 404s.
 */
export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const segments = feedSegmentsSchema.safeParse((await params).path);
  return rssResponse(segments.success ? await getRssFeed(segments.data) : null);
}
