import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sectionSegmentsSchema } from "../urls";

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
 * used), or null when the file is missing (the feed then gives no enclosure). An uploaded photo
 * (/media/…, in the database: decisions/039) is no file here: null too.
 */
export function photoBytes(src: string): number | null {
  if (!src.startsWith("/images/photos/")) return null;
  try {
    // Spelled out, not PHOTO_DIR: a path the bundler can see keeps its file tracing to that folder.
    const file = path.join(process.cwd(), "public", "images", "photos", path.basename(src));
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
