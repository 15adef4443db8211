/** An older page of an author's stories, "/author/yonhap/before/123" (../../author-page.tsx). */
export {
  AuthorPageView as default,
  authorPageMetadata as generateMetadata,
} from "../../author-page";

export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
