import type { Metadata, Viewport } from "next";
import { readConfig } from "@/lib/config";
import { getSiteFrame } from "@/lib/news";

/**
 * What every page of the site says about the site in its `<head>`: the base URL, the title
 * template "%s | {publication}" and the application name. The name is the publication's as this
 * process last read it (lib/news/last-known.ts), else the site's host name. `pageTitle`: for a
 * page rendered outside the root layout (app/global-not-found.tsx), whose title the template
 * cannot reach, the whole title "{pageTitle} | {publication}". Used by app/layout.tsx and
 * app/global-not-found.tsx (docs/decisions/042-route-groups.md). Never throws for want of a
 * database.
 */
export async function siteMetadata(pageTitle?: string): Promise<Metadata> {
  const { siteUrl } = readConfig();
  const name = (await getSiteFrame()).publication?.name ?? new URL(siteUrl).host;
  const template = `%s | ${name}`;
  return {
    metadataBase: new URL(siteUrl),
    title: pageTitle
      ? { absolute: template.replace("%s", pageTitle) }
      : { default: name, template },
    applicationName: name,
  };
}

/** Every page's viewport: device width, light and dark schemes, and their theme colours. */
export const SITE_VIEWPORT: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};
