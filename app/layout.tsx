import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteDocument } from "@/components/layout/SiteDocument";
import { SITE_VIEWPORT, siteMetadata } from "@/lib/seo/site-metadata";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata();
}

export const viewport: Viewport = SITE_VIEWPORT;

/**
 * Every page's `<html>` and `<body>` (components/layout/SiteDocument.tsx) and the stylesheet. No
 * frame: the public site's (header, main, footer) is app/(site)/layout.tsx's, the newsroom's is
 * app/newsroom/layout.tsx's; a URL no route answers gets app/global-not-found.tsx, which replaces
 * this layout (docs/decisions/042-route-groups.md).
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return <SiteDocument>{children}</SiteDocument>;
}
