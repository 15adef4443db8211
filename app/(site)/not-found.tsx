import type { Metadata } from "next";
import { ERROR_TEXT, ErrorView } from "@/components/errors/ErrorView";

/**
 * No `robots` here: this page is rendered with status 404, for which Next.js adds
 * `<meta name="robots" content="noindex">` itself, and a second tag would repeat it.
 */
export const metadata: Metadata = { title: ERROR_TEXT[404].title };

/**
 * What a public page's `notFound()` shows in the browser: the message and the ways on, inside the
 * group's layout, so in the site's frame (app/(site)/layout.tsx). Only the message: Next.js sends
 * this boundary with every public page, and a frame drawn here would be a second copy of the
 * masthead and footer in each (docs/decisions/042-route-groups.md). A full page load of such a
 * page gets the proxy's /errors/404 instead, complete without JavaScript (server.mjs,
 * docs/decisions/032-error-pages.md).
 */
export default function NotFound() {
  return <ErrorView status={404} />;
}
