import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { MinimalHeader } from "@/components/layout/MinimalHeader";
import { QueryProvider } from "@/components/layout/QueryProvider.island";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SkipLink } from "@/components/layout/SkipLink";
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
 * Every page: skip link, masthead with the section menu, the page in `main`, and the footer.
 * While the database fails they come from what this process last read (lib/news/last-known.ts),
 * so the 503 page is a page of the site too; with nothing read yet, a minimal masthead (the
 * site's host name and a search form) and no footer.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { publication, sections } = await getSiteFrame();
  return (
    <html lang={publication?.locale ?? "en"} id="top">
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <QueryProvider>
          {publication ? (
            <SiteHeader publication={publication} sections={sections} />
          ) : (
            <MinimalHeader name={siteHost()} />
          )}
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
        </QueryProvider>
        {publication && <SiteFooter publication={publication} />}
      </body>
    </html>
  );
}
