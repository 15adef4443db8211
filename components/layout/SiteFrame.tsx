import type { ReactNode } from "react";
import { readConfig } from "@/lib/config";
import { getSiteFrame } from "@/lib/news";
import { MinimalHeader } from "./MinimalHeader";
import { QueryProvider } from "./QueryProvider.island";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";
import { SkipLink } from "./SkipLink";

/**
 * The public site's frame around `children`: the skip link, the masthead with the section menu,
 * the page in `<main id="main">` and the footer, inside the TanStack Query provider the rails
 * need. Used by app/(site)/layout.tsx (every public page) and app/not-found.tsx (a URL no route
 * answers, rendered outside the group); the newsroom has its own (app/newsroom/layout.tsx,
 * docs/decisions/042-route-groups.md). While the database fails the masthead and footer come
 * from what this process last read (getSiteFrame, lib/news/last-known.ts), so the 503 page is a
 * page of the site too; with nothing read yet, a minimal masthead (the site's host name and a
 * search form) and no footer. Renders fragments for `<body>`; the root layout owns `<html>`.
 */
export async function SiteFrame({ children }: { children: ReactNode }) {
  const { publication, sections } = await getSiteFrame();
  return (
    <>
      <SkipLink />
      <QueryProvider>
        {publication ? (
          <SiteHeader publication={publication} sections={sections} />
        ) : (
          <MinimalHeader name={new URL(readConfig().siteUrl).host} />
        )}
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
      </QueryProvider>
      {publication && <SiteFooter publication={publication} />}
    </>
  );
}
