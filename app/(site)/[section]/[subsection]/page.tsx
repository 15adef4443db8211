/** A subsection front, "/national/politics" (app/[section]/front.tsx). */
export { FrontPage as default, frontPageMetadata as generateMetadata } from "../front";
import { frontParams } from "../front";

export const revalidate = 30;
// Only the subsections there are (see app/[section]/page.tsx).
export const dynamicParams = false;
export async function generateStaticParams() {
  return frontParams("subsection");
}
