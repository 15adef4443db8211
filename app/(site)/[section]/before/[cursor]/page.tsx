/** An older page of a section front, "/national/before/123" (app/[section]/front.tsx). */
export { FrontPage as default, frontPageMetadata as generateMetadata } from "../../front";

export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}
