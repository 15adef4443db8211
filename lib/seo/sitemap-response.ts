import type { NewsSitemapArticle } from "../domain";
import { renderNewsSitemap, type ToUrl } from "./sitemap-xml";

/**
 * The HTTP answers of the sitemap routes: 200 with the document as
 * `application/xml; charset=utf-8`, or a plain-text 404 for a sitemap that does not exist.
 */

/** The Content-Type of every sitemap. */
export const XML_CONTENT_TYPE = "application/xml; charset=utf-8";

/** A 200 answer carrying a sitemap document. */
export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { "content-type": XML_CONTENT_TYPE } });
}

/** The 404 of a sitemap that does not exist (unknown file name, empty month, empty news window). */
export function sitemapNotFound(): Response {
  return new Response("Not found: no such sitemap.\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * The answer of /sitemaps/news.xml. The empty-news policy: with no story in the window there is
 * no valid news sitemap (the schema forbids an empty urlset), so it is a 404, and the index leaves
 * it out (renderSitemapIndex). `publicationName` is only read when there are stories.
 */
export async function newsSitemapResponse(
  articles: readonly NewsSitemapArticle[],
  publicationName: () => Promise<string>,
  url: ToUrl,
): Promise<Response> {
  if (articles.length === 0) return sitemapNotFound();
  return xmlResponse(renderNewsSitemap(articles, await publicationName(), url));
}
