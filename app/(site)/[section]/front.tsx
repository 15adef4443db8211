import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SectionFrontView } from "@/components/front/SectionFrontView";
import { getPublication, getSectionFront, getSectionTree } from "@/lib/news";
import { frontMetadata } from "@/lib/seo/page-metadata";
import { frontCursorSchema, sectionSegmentsSchema } from "@/lib/urls";

/**
 * What the four section-front routes share: "/{section}", "/{section}/{subsection}" and their
 * older pages ".../before/{id}" (lib/urls.ts). Each route is a real folder of app/, so every page
 * of every front is cached whole (ISR, refreshed every 30 s). Unknown sections and malformed
 * cursors are 404s.
 */

/** The route parameters of a front page: its section slugs and, for an older page, the cursor. */
export type FrontParams = { section: string; subsection?: string; cursor?: string };

/** The props Next.js gives a front page and its generateMetadata. */
export type FrontProps = { params: Promise<FrontParams> };

async function load({ section, subsection, cursor }: FrontParams) {
  const segments = sectionSegmentsSchema.safeParse(
    subsection === undefined ? [section] : [section, subsection],
  );
  const before = cursor === undefined ? null : frontCursorSchema.safeParse(cursor);
  if (!segments.success || (before !== null && !before.success)) return null;
  return getSectionFront(segments.data, before?.data ?? null);
}

/** The metadata of a front page (title, canonical URL, feed link), or none for a 404. */
export async function frontPageMetadata({ params }: FrontProps): Promise<Metadata> {
  const front = await load(await params);
  return front ? frontMetadata(front, await getPublication()) : {};
}

/**
 * The route parameters of every section front ("section") or subsection front ("subsection"),
 * for generateStaticParams: the fronts' first pages answer only these (`dynamicParams = false`),
 * so an unknown section is Next.js's own 404 page. Sections change only with `npm run setup`,
 * which `npm run build` runs first.
 */
export async function frontParams(
  depth: "section" | "subsection",
): Promise<Array<{ section: string; subsection?: string }>> {
  const tree = await getSectionTree();
  return depth === "section"
    ? tree.map((top) => ({ section: top.slug }))
    : tree.flatMap((top) =>
        top.children.map((child) => ({ section: top.slug, subsection: child.slug })),
      );
}

/** A front page, or Next.js's 404 for an unknown section or cursor. */
export async function FrontPage({ params }: FrontProps) {
  const front = await load(await params);
  if (!front) notFound();
  return <SectionFrontView front={front} />;
}
