import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { DB } from "../db/connection";
import type { SectionNode, SectionRef } from "../domain";
import { sectionSegmentsSchema } from "../front-params";
import { FEED_SIZE, getFeedArticles } from "../queries/feeds";
import { getPublication } from "../queries/publication";
import { findSection, getSectionTree } from "../queries/sections";
import type { RssFeedInput } from "./feeds";

/** Folder of the photographs (public/images/photos), whose sizes {@link photoBytes} reads. */
export const PHOTO_DIR = path.join(process.cwd(), "public", "images", "photos");

/**
 * The path segments of a section feed URL, as app/rss/[...path] receives them: one or two
 * section slugs, the last one followed by ".xml" (["national.xml"], ["national", "politics.xml"]).
 * Parses to the section front's segments (["national", "politics"]); anything else fails (a 404).
 */
export const feedSegmentsSchema = z
  .array(z.string())
  .min(1)
  .max(2)
  .refine((segments) => segments.at(-1)?.endsWith(".xml"), "the last segment must end in .xml")
  .transform((segments) => segments.map((s, i) => (i === segments.length - 1 ? s.slice(0, -4) : s)))
  .pipe(sectionSegmentsSchema);

/**
 * Size in bytes of the photograph at `src` ("/images/photos/bison.jpg"; only its file name is
 * used), or null when the file is missing (the feed then gives no enclosure).
 */
export function photoBytes(src: string): number | null {
  try {
    // Spelled out, not PHOTO_DIR: a path the bundler can see keeps its file tracing to that folder.
    const file = path.join(process.cwd(), "public", "images", "photos", path.basename(src));
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/**
 * Everything the feed of the site (`segments` []) or of a section front (["national"],
 * ["national", "politics"]) needs, read at `now` (ISO 8601 UTC): the publication, the section and
 * its parent, and its FEED_SIZE newest public stories with the byte size of each one's photo.
 * Returns null for an unknown section.
 */
export async function loadFeedInput(
  db: DB,
  segments: readonly string[],
  now: string,
  bytesOf: (src: string) => number | null = photoBytes,
): Promise<RssFeedInput | null> {
  let front: RssFeedInput["front"] = null;
  let section: SectionNode | SectionRef | null = null;
  if (segments.length > 0) {
    const target = findSection(await getSectionTree(db), segments);
    if (!target) return null;
    section = target.section;
    front = { section: pick(target.section), parent: target.parent && pick(target.parent) };
  }
  const publication = await getPublication(db);
  const articles = await getFeedArticles(db, section, FEED_SIZE, now);
  return {
    publication: {
      name: publication.name,
      locale: publication.locale,
      copyright: publication.registration.copyright,
    },
    front,
    articles: articles.map((a) => ({ ...a, imageBytes: a.image ? bytesOf(a.image.src) : null })),
    now,
  };
}

/** A SectionRef without a node's children and legacy code (the feed needs neither). */
const pick = (s: SectionRef): SectionRef => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  path: s.path,
});
