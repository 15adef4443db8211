import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/layout/QueryProvider.island";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SkipLink } from "@/components/layout/SkipLink";
import { getPublication, getSectionTree } from "@/lib/news";
import { readConfig } from "@/lib/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const publication = await getPublication();
  return {
    metadataBase: new URL(readConfig().siteUrl),
    title: { default: publication.name, template: `%s | ${publication.name}` },
    applicationName: publication.name,
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

/** Every page: skip link, masthead with the section menu, the page in `main`, and the footer. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [publication, sections] = await Promise.all([getPublication(), getSectionTree()]);
  return (
    <html lang={publication.locale} id="top">
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <QueryProvider>
          <SiteHeader publication={publication} sections={sections} />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
        </QueryProvider>
        <SiteFooter publication={publication} />
      </body>
    </html>
  );
}
