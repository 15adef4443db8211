import { getListFeed } from "@/lib/news";
import { rssResponse } from "@/lib/seo/feeds";
import { listSlugSchema } from "@/lib/urls";

/**
 * The GET handler of "/rss/author/{slug}.xml" and "/rss/tag/{slug}.xml": the feed of the 50
 * newest public stories of an author's or a tag's page; a 404 for a name without a page or a
 * file that is not "{slug}.xml".
 */
export function listFeedHandler(kind: "author" | "tag") {
  return async (_request: Request, { params }: { params: Promise<{ file: string }> }) => {
    const file = (await params).file;
    const slug = file.endsWith(".xml") ? listSlugSchema.safeParse(file.slice(0, -4)) : null;
    return rssResponse(slug?.success ? await getListFeed(kind, slug.data) : null);
  };
}
