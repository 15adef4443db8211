import type { Metadata } from "next";
import { ERROR_TEXT, ErrorView } from "@/components/errors/ErrorView";

/**
 * No `robots` here: this page is rendered with status 404, for which Next.js adds
 * `<meta name="robots" content="noindex">` itself, and a second tag would repeat it.
 */
export const metadata: Metadata = { title: ERROR_TEXT[404].title };

/**
 * The 404 page Next.js renders for a URL no route answers (and, in the browser only, for a page
 * that calls `notFound()`: docs/decisions/032-error-pages.md): the header, footer and LATEST
 * NEWS, and the ways on. LATEST NEWS is fetched in the browser, as on the error page: Next.js
 * sends this page's tree in every page's RSC payload (it is the root not-found boundary), so
 * server-rendered rails here would add their stories to every page a reader loads.
 */
export default function NotFound() {
  return <ErrorView status={404} />;
}
