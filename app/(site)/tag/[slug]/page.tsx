/** A tag's page, "/tag/europe" (app/tag/[slug]/tag-page.tsx). */
export { TagPageView as default, tagPageMetadata as generateMetadata } from "./tag-page";

export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
