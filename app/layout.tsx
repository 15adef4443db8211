import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getSiteFrame } from "@/lib/news";
import { readConfig } from "@/lib/config";
import "./globals.css";

/** What to call the site when the publication could not be read: its host name. */
const siteHost = () => new URL(readConfig().siteUrl).host;

export async function generateMetadata(): Promise<Metadata> {
  const name = (await getSiteFrame()).publication?.name ?? siteHost();
  return {
    metadataBase: new URL(readConfig().siteUrl),
    title: { default: name, template: `%s | ${name}` },
    applicationName: name,
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

/**
 * Every page's `<html>` and `<body>`, the stylesheet, and the language of the publication (what
 * this process last read while the database fails: lib/news/last-known.ts; else "en"). No frame:
 * the public site's (header, main, footer) is app/(site)/layout.tsx's, the newsroom's is
 * app/newsroom/layout.tsx's (docs/decisions/042-route-groups.md). `#top` is the footer's
 * "Back to top".
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { publication } = await getSiteFrame();
  return (
    <html lang={publication?.locale ?? "en"} id="top">
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
