import { getArticleSitemapPart } from "@/lib/news";
import { articleSitemapFileSchema } from "@/lib/seo/sitemap-paths";
import { sitemapNotFound, xmlResponse } from "@/lib/seo/sitemap-response";
import { renderArticleSitemap } from "@/lib/seo/sitemap-xml";
import { absoluteUrl } from "@/lib/urls";

/**
 * GET /sitemaps/articles/2020-03.xml (and 2020-03-2.xml, ...): the stories published in one KST
 * month. Rendered on first request, then cached and refreshed every 30 s. A malformed name
 * ("2020-13.xml", "abc.xml"), a month without stories or a part past the last is a 404.
 */
export const revalidate = 30;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = articleSitemapFileSchema.safeParse((await params).file);
  if (!parsed.success) return sitemapNotFound();
  const articles = await getArticleSitemapPart(parsed.data);
  return articles ? xmlResponse(renderArticleSitemap(articles, absoluteUrl)) : sitemapNotFound();
}
