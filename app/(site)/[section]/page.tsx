/** A section front, "/national" (app/[section]/front.tsx). */
export { FrontPage as default, frontPageMetadata as generateMetadata } from "./front";
import { frontParams } from "./front";

export const revalidate = 30;
// Only the sections there are: any other one-segment path is Next.js's own 404 page, which is
// complete without JavaScript, as a page's notFound() is not (docs/decisions/032-error-pages.md).
export const dynamicParams = false;
export async function generateStaticParams() {
  return frontParams("section");
}
