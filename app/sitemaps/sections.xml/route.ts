import { cachedSitemapFronts } from "@/lib/seo/cached-sitemaps";
import { xmlResponse } from "@/lib/seo/sitemap-response";
import { renderSectionsSitemap } from "@/lib/seo/sitemap-xml";
import { absoluteUrl } from "@/lib/urls";

/** GET /sitemaps/sections.xml: home and every section front. Cached, refreshed every 60 s. */
export const revalidate = 60;

export async function GET() {
  return xmlResponse(renderSectionsSitemap(await cachedSitemapFronts(), absoluteUrl));
}
