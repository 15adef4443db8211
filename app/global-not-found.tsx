import type { Metadata, Viewport } from "next";
import { ERROR_TEXT, ErrorView } from "@/components/errors/ErrorView";
import { SiteDocument } from "@/components/layout/SiteDocument";
import { SiteFrame } from "@/components/layout/SiteFrame";
import { SITE_VIEWPORT, siteMetadata } from "@/lib/seo/site-metadata";
import "./globals.css";

/**
 * The whole title (the root layout's template does not reach this page). No `robots` here: this
 * page is rendered with status 404, for which Next.js adds `<meta name="robots" content="noindex">`
 * itself, and a second tag would repeat it.
 */
export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata(ERROR_TEXT[404].title);
}

export const viewport: Viewport = SITE_VIEWPORT;

/**
 * The 404 page for a URL no route answers (experimental.globalNotFound, next.config.js): a whole
 * document in place of the root layout, so it draws `<html>`/`<body>` (SiteDocument), the
 * stylesheet and the public frame (SiteFrame) around the message, with LATEST NEWS in the browser
 * (decision 015). Unlike a root not-found.tsx, Next.js renders it only for the /_not-found route,
 * never in other pages' payloads (docs/decisions/042-route-groups.md), so the frame is drawn here
 * at no cost to them. A reader's browser that navigates to such a URL loads it as a new document.
 * Under server.mjs, a GET or HEAD of it is answered with the proxy's /errors/404 page instead
 * (lib/http/error-replay.mjs); this page is what `next start`/`next dev` show.
 */
export default function GlobalNotFound() {
  return (
    <SiteDocument>
      <SiteFrame>
        <ErrorView status={404} />
      </SiteFrame>
    </SiteDocument>
  );
}
