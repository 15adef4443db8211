/** An author's page, "/author/yonhap" (app/author/[slug]/author-page.tsx). */
export { AuthorPageView as default, authorPageMetadata as generateMetadata } from "./author-page";

export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
