/** An older page of a subsection front, "/national/politics/before/123" (app/[section]/front.tsx). */
export { FrontPage as default, frontPageMetadata as generateMetadata } from "../../../front";

export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
