import { getListFeed } from "@/lib/news";
import { rssResponse } from "@/lib/seo/feeds";
import { listSlugSchema } from "@/lib/urls";

/**
 * GET /rss/tag/{slug}.xml: RSS 2.0 feed of the 50 newest public stories of a tag's page.
 * Rendered on first request, then cached and refreshed every 30 s. A tag without a page, or a
 * malformed name, is a 404.
 */
export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  const slug = file.endsWith(".xml") ? listSlugSchema.safeParse(file.slice(0, -4)) : null;
  return rssResponse(slug?.success ? await getListFeed("tag", slug.data) : null);
}
