import { bodyText } from "../content/blocks";
import { slugify, unicodeSlug } from "../format/slug";
import { describeIssues, importRecordSchema, type ImportRecord } from "./record";
import { sectionForStory } from "./section-rules";

/**
 * Reading import lines into records ready to write: JSON, validation (lib/import/record.ts) and
 * everything about a record that needs no database (its section path, slugs, stored body). Pure
 * and synchronous, so it can run on a worker thread while the importer writes (parse-thread.ts).
 */

export const WIKINEWS_AUTHOR = "Wikinews contributors";

const WRITTEN = [
  "id",
  "headline",
  "standfirst",
  "published",
  "updated",
  "status",
  "source_url",
  "licence",
  "legacy_id",
  "lead_image",
  "author_kind",
] as const;

/** A valid record with what the writer derives from it alone. */
export type PreparedRecord = {
  /** 1-based line number in the input. */
  line: number;
  /** The fields of the record (as validated) that are written as they are. */
  record: Pick<ImportRecord, (typeof WRITTEN)[number]>;
  /** The body's blocks' text, one a line: the body text the search index holds. */
  bodyText: string;
  /** The section path given, or chosen by the section rule (lib/import/section-rules.ts). */
  sectionPath: string;
  slug: string;
  /** The body as stored: JSON body blocks (lib/content/blocks.ts). */
  bodyJson: string;
  /** The byline ("Wikinews contributors" for a Wikinews record without one), or null. */
  author: { name: string; slug: string } | null;
  /**
   * Distinct tag names with their slugs (unicodeSlug: letters and digits of any script). The
   * schema refuses a record with a name that has none (lib/import/record.ts), so none is empty.
   */
  tags: Array<{ name: string; slug: string }>;
};

/** A line's outcome: a prepared record, or the reason it is skipped. Blank lines give nothing. */
export type ParsedLine = PreparedRecord | { line: number; reason: string };

/** Parses and validates one line of text (not blank). */
export function parseLine(text: string): { record: ImportRecord } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { reason: `not valid JSON (${(error as Error).message})` };
  }
  const result = importRecordSchema.safeParse(json);
  return result.success ? { record: result.data } : { reason: describeIssues(result.error) };
}

/**
 * Derives what the writer needs from a valid record (docs/content.md, "Import format"): the
 * article's slug (ASCII, lib/urls.ts SLUG_PATTERN; "article" when the headline has no Latin letter
 * or digit), and the slugs of its byline and tags in any script
 * (docs/decisions/028-unicode-slugs-for-tags-and-bylines.md).
 */
export function prepareRecord(line: number, record: ImportRecord): PreparedRecord {
  const authorName =
    record.author ?? (record.source_url?.includes("wikinews.org") ? WIKINEWS_AUTHOR : null);
  const tags = [...new Set(record.tags ?? record.categories)].map((name) => ({
    name,
    slug: unicodeSlug(name),
  }));
  // Only what the writer uses travels on (from a worker thread, as a copy).
  const written: Partial<PreparedRecord["record"]> = {};
  for (const key of WRITTEN)
    if (record[key] !== undefined) Object.assign(written, { [key]: record[key] });
  return {
    line,
    record: written as PreparedRecord["record"],
    bodyText: bodyText(record.body),
    sectionPath: record.section ?? sectionForStory(record.headline, record.categories),
    slug: slugify(record.headline) || "article",
    bodyJson: JSON.stringify(record.body),
    author: authorName ? { name: authorName, slug: unicodeSlug(authorName) } : null,
    tags,
  };
}

/** Parses consecutive lines, the first being line `first`; blank lines are left out. */
export function parseLines(first: number, lines: readonly string[]): ParsedLine[] {
  const out: ParsedLine[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === "") return;
    const parsed = parseLine(text);
    out.push(
      "reason" in parsed
        ? { line: first + i, reason: parsed.reason }
        : prepareRecord(first + i, parsed.record),
    );
  });
  return out;
}
