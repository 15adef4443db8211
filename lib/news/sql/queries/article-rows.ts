import { sql, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB } from "../db";
import type { Database } from "../schema";
import type { ArticleSummary, Image, SectionRef } from "../../../domain";
import { leadText, parseStoredBody } from "../../../content/blocks";
import { firstSentence } from "../../../format/summary";
import { articlePath, imageSrc } from "../../../urls";

/**
 * The one definition of "public": status `published` or `scheduled`, with a publication time
 * that has passed (a scheduled story goes public by itself at its time; nothing needs to flip its
 * status), and not withdrawn. Drafts never match. Every reader-facing query goes through it.
 * `now` is an ISO 8601 UTC string (injected, so tests can move the clock).
 */
export function isPublic(now: string) {
  return (eb: ExpressionBuilder<Database & { a: Database["articles"] }, "a">) =>
    eb.and([
      // Written as literals, exactly as in the partial indexes of migration 0005: SQLite uses a
      // partial index only when the query repeats its condition, and a bound parameter does not.
      sql<SqlBool>`a.status in ('published', 'scheduled')`,
      eb("a.withdrawn_at", "is", null),
      eb("a.published_at", "<=", now),
    ]);
}

/** The columns imageFromRow reads, from `images as i`: every query that shows a photo selects these. */
export const IMAGE_COLUMNS = [
  "i.id as image_id",
  "i.file as image_file",
  "i.width as image_width",
  "i.height as image_height",
  "i.alt as image_alt",
  "i.caption as image_caption",
  "i.credit as image_credit",
  "i.licence as image_licence",
  "i.source as image_source",
] as const;

/** Selects what an {@link ArticleSummary} needs, from `articles as a` joined to its section and image. */
export function selectSummaries(db: DB) {
  return db
    .selectFrom("articles as a")
    .innerJoin("sections as s", "s.id", "a.section_id")
    .leftJoin("sections as p", "p.id", "s.parent_id")
    .leftJoin("images as i", "i.id", "a.lead_image_id")
    .select([
      "a.id",
      "a.slug",
      "a.headline",
      "a.standfirst",
      "a.body_json",
      "a.published_at",
      "a.updated_at",
      "s.id as section_id",
      "s.slug as section_slug",
      "s.name as section_name",
      "p.id as parent_id",
      "p.slug as parent_slug",
      "p.name as parent_name",
      ...IMAGE_COLUMNS,
    ]);
}

type SummaryQuery = ReturnType<typeof selectSummaries>;
export type SummaryRow = SummaryQuery extends SelectQueryBuilder<never, never, infer R> ? R : never;

/**
 * The order of every list of stories: newest first by publication time (ISO 8601 UTC strings,
 * which sort as text), ties to the higher id. A comparator for Array.prototype.sort.
 */
export function newestFirst(
  a: { id: number; published_at: string | null },
  b: { id: number; published_at: string | null },
): number {
  const [pa, pb] = [a.published_at ?? "", b.published_at ?? ""];
  return pa === pb ? b.id - a.id : pa < pb ? 1 : -1;
}

/** The image columns of a row, as selectSummaries names them (`i.id as image_id`, ...). */
export type ImageColumns = Pick<
  SummaryRow,
  | "image_id"
  | "image_file"
  | "image_width"
  | "image_height"
  | "image_alt"
  | "image_caption"
  | "image_credit"
  | "image_licence"
  | "image_source"
>;

/** Builds an Image from a row's image columns, or null when the row has no photo. */
export function imageFromRow(row: ImageColumns): Image | null {
  if (row.image_id === null || row.image_file === null) return null;
  return {
    id: row.image_id,
    src: imageSrc(row.image_file),
    width: row.image_width ?? 0,
    height: row.image_height ?? 0,
    alt: row.image_alt ?? "",
    caption: row.image_caption ?? "",
    credit: row.image_credit ?? "",
    licence: row.image_licence ?? "",
    source: row.image_source ?? "",
  };
}

/** Maps a joined row to the domain's ArticleSummary. */
export function toSummary(row: SummaryRow): ArticleSummary {
  const section: SectionRef =
    row.parent_id !== null && row.parent_slug !== null && row.parent_name !== null
      ? {
          id: row.section_id,
          slug: row.section_slug,
          name: row.section_name,
          path: `/${row.parent_slug}/${row.section_slug}`,
        }
      : {
          id: row.section_id,
          slug: row.section_slug,
          name: row.section_name,
          path: `/${row.section_slug}`,
        };
  const topSection: SectionRef =
    row.parent_id !== null && row.parent_slug !== null && row.parent_name !== null
      ? {
          id: row.parent_id,
          slug: row.parent_slug,
          name: row.parent_name,
          path: `/${row.parent_slug}`,
        }
      : section;
  return {
    id: row.id,
    slug: row.slug,
    path: articlePath(row.id, row.slug),
    headline: row.headline,
    summary: row.standfirst || firstSentence(leadText(parseStoredBody(row.body_json))),
    publishedAt: row.published_at ?? row.updated_at,
    updatedAt: row.updated_at,
    section,
    topSection,
    image: imageFromRow(row),
  };
}
