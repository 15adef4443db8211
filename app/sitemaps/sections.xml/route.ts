import { getSitemapFronts } from "@/lib/news";
import { xmlResponse } from "@/lib/seo/sitemap-response";
import { renderSectionsSitemap } from "@/lib/seo/sitemap-xml";
import { absoluteUrl } from "@/lib/urls";

/** GET /sitemaps/sections.xml: home and every section front. Cached, refreshed every 30 s. */
export const revalidate = 30;

export async function GET() {
  return xmlResponse(renderSectionsSitemap(await getSitemapFronts(), absoluteUrl));
}
