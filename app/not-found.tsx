import type { Metadata } from "next";
import { ERROR_TEXT, ErrorView } from "@/components/errors/ErrorView";
import { SiteFrame } from "@/components/layout/SiteFrame";

/**
 * No `robots` here: this page is rendered with status 404, for which Next.js adds
 * `<meta name="robots" content="noindex">` itself, and a second tag would repeat it.
 */
export const metadata: Metadata = { title: ERROR_TEXT[404].title };

/**
 * The 404 page Next.js renders for a URL no route answers (and, in the browser only, for a page
 * that calls `notFound()`: docs/decisions/032-error-pages.md): the header, footer and LATEST
 * NEWS, and the ways on. It renders in the root layout, outside the route group that gives the
 * public pages their frame, so it draws the frame itself (SiteFrame, decisions/042); a newsroom
 * address no route answers gets this page too. LATEST NEWS is fetched in the browser, as on the
 * error page: Next.js sends this page's tree in every page's RSC payload (it is the root
 * not-found boundary), so server-rendered rails here would add their stories to every page a
 * reader loads. The frame's masthead and footer are in that payload too (a few kilobytes).
 */
export default function NotFound() {
  return (
    <SiteFrame>
      <ErrorView status={404} />
    </SiteFrame>
  );
}
