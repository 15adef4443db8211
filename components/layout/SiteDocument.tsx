import type { ReactNode } from "react";
import { getSiteFrame } from "@/lib/news";

/**
 * Every page's `<html>` and `<body>`: the language of the publication (what this process last
 * read while the database fails: lib/news/last-known.ts; else "en") and `id="top"`, the target of
 * the footer's "Back to top". No frame. Drawn by the root layout (app/layout.tsx) and by
 * app/global-not-found.tsx, which replaces that layout for a URL no route answers
 * (docs/decisions/042-route-groups.md).
 */
export async function SiteDocument({ children }: { children: ReactNode }) {
  const { publication } = await getSiteFrame();
  return (
    <html lang={publication?.locale ?? "en"} id="top">
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
