import sanitizeHtml from "sanitize-html";
import { z } from "zod";
import { blockText, bodyBlockSchema } from "../content/blocks";
import type { BodyBlock } from "../domain";
import { unicodeSlug } from "../format/slug";
import { IMPORT_LIMITS as LIMITS, tooLong, tooMany } from "./limits";
import { describeInvalidUnicode } from "./unicode";

/**
 * Turns a paragraph that may contain HTML into plain text with sanitize-html (no tags kept,
 * entities decoded once), and folds white space. Bodies are stored as text blocks, so nothing
 * from an import can reach a page as markup.
 */
// C0 controls (but tab, newline, return) and DEL: invisible, and XML forbids most of them.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// Anything toPlainText would change: markup or entities, controls, white space other than single
// spaces between words. Most paragraphs have none, and one test is cheaper than the full pass.
// The class lists JavaScript's \s but the space (tab to CR are among the controls), so it reads
// as /[<&\u0000-\u001F\u007F]|[^\S ]|  |^ | $/ with one class instead of five alternatives.
const NEEDS_CLEANING =
  /[<&\u0000-\u001F\u007F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]|  /;

export function toPlainText(value: string): string {
  if (!NEEDS_CLEANING.test(value) && !value.startsWith(" ") && !value.endsWith(" ")) return value;
  const text = /[<&]/.test(value)
    ? sanitizeHtml(value, {
        allowedTags: [],
        allowedAttributes: {},
        nonTextTags: ["style", "script", "textarea", "option", "noscript"],
      })
    : value;
  const decoded = text.includes("&") ? decodeEntities(text) : text;
  return decoded.replace(CONTROL_CHARACTERS, "").replace(/\s+/g, " ").trim();
}

// sanitize-html escapes &, < and > in text it returns; the body is stored as plain text.
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/**
 * A string that is valid Unicode (lib/import/unicode.ts): no lone surrogate, noncharacter or
 * U+FFFD. Anything else refuses the record with the code point and where it is; every text
 * field is built on it, so nothing invalid is stored (docs/content.md, "Text the importer
 * repairs or refuses").
 */
const text = z.string().check((ctx) => {
  const reason = describeInvalidUnicode(ctx.value);
  if (reason) ctx.issues.push({ code: "custom", message: reason, input: ctx.value });
});

/**
 * Plain text (toPlainText), checked after cleaning: an HTML reference such as "&#xFFFF;" only
 * becomes the character it names there.
 */
const plainText = z.string().transform(toPlainText).pipe(text);

/** Characters of a body's text, all blocks together (what IMPORT_LIMITS.body.characters counts). */
const bodyCharacters = (blocks: readonly BodyBlock[]) =>
  blocks.reduce((n, b) => n + blockText(b).length, 0);

/**
 * The body of a record as stored blocks (docs/content.md, "Import format"): each entry is either a
 * paragraph's text (HTML stripped by toPlainText; empty ones left out), as in the shared corpus,
 * or a block object of Herald's body model (lib/content/blocks.ts: paragraph, heading, quote or
 * list, with runs for bold, italic and http/https/mailto links), validated as the newsroom's are.
 * Photo blocks name an image of one database, so an import refuses them. Issues carry the entry's
 * index ("body.2: ...").
 */
function importBody(entries: unknown[], ctx: z.RefinementCtx): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  entries.forEach((entry, index) => {
    if (typeof entry === "string") {
      const paragraph = plainText.safeParse(entry);
      if (!paragraph.success)
        for (const issue of paragraph.error.issues)
          ctx.addIssue({ code: "custom", message: issue.message, path: [index, ...issue.path] });
      else if (paragraph.data.length > 0) blocks.push({ type: "paragraph", text: paragraph.data });
      return;
    }
    if ((entry as { type?: unknown } | null)?.type === "photo") {
      ctx.addIssue({ code: "custom", message: "photo blocks cannot be imported", path: [index] });
      return;
    }
    const block = bodyBlockSchema.safeParse(entry);
    if (!block.success)
      for (const issue of block.error.issues)
        ctx.addIssue({ code: "custom", message: issue.message, path: [index, ...issue.path] });
    else blocks.push(block.data as BodyBlock);
  });
  return blocks;
}

/** Why a name cannot be a tag or a byline: unicodeSlug (lib/format/slug.ts) keeps nothing of it. */
const NO_SLUG = "has no letter or digit of any script to make a URL slug from";

/** A list of `field` ("tags") of at most `limits.names` names ("tag") of `limits.characters`. */
const names = (field: string, name: string, limits: { names: number; characters: number }) =>
  z
    .array(text.min(1).max(limits.characters, tooLong(name, limits.characters)))
    .max(limits.names, tooMany(field, limits.names));

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date ("2019-01-14") or a date-time with a zone ("2021-09-16T21:17:00+09:00"), normalised to
 * an ISO string in UTC. A bare date means 00:00 UTC (09:00 KST the same day): the corpus gives no
 * time of day, and this keeps the printed date equal to the source's date.
 */
const instant = z
  .string()
  .refine((v) => isoDate.test(v) || isoDateTime.test(v), {
    message: "expected YYYY-MM-DD or an ISO 8601 date-time with a zone",
  })
  .transform((v, ctx) => {
    const ms = Date.parse(isoDate.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(ms) || !isRealCalendarTime(v)) {
      ctx.addIssue({ code: "custom", message: "not a real date" });
      return z.NEVER;
    }
    const iso = new Date(ms).toISOString();
    // Stored times compare as text, so the UTC year must keep four digits (1000-9999).
    if (!/^[1-9]\d{3}-/.test(iso)) {
      ctx.addIssue({ code: "custom", message: "date out of range (years 1000 to 9999 in UTC)" });
      return z.NEVER;
    }
    return iso;
  });

/** False for dates JavaScript would silently roll over: "2019-02-30", "2019-04-31", "T24:00". */
function isRealCalendarTime(value: string): boolean {
  const [, y, m, d, hh = "00", mm = "00"] =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value) ?? [];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d) &&
    date.getUTCHours() === Number(hh) &&
    date.getUTCMinutes() === Number(mm)
  );
}

/**
 * One line of the JSON Lines import format (the format of shared news-corpus.jsonl, plus optional
 * fields for our own content). Documented in docs/content.md, "Import format".
 */
export const importRecordSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(LIMITS.id.characters, tooLong("id", LIMITS.id.characters))
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "id: letters, digits, '.', '_' and '-' only"),
    headline: plainText.pipe(
      z
        .string()
        .min(1, "headline is empty")
        .max(LIMITS.headline.characters, tooLong("headline", LIMITS.headline.characters)),
    ),
    standfirst: plainText
      .pipe(
        z
          .string()
          .max(LIMITS.standfirst.characters, tooLong("standfirst", LIMITS.standfirst.characters)),
      )
      .optional(),
    published: instant,
    updated: instant.optional(),
    body: z
      .array(z.unknown())
      .transform(importBody)
      .pipe(
        z
          .array(z.custom<BodyBlock>())
          .min(1, "body has no text")
          .max(LIMITS.body.paragraphs, {
            error: (issue) =>
              `body has ${(issue.input as unknown[]).length} paragraphs; the limit is ${LIMITS.body.paragraphs}`,
          })
          .refine((blocks) => bodyCharacters(blocks) <= LIMITS.body.characters, {
            error: (issue) =>
              `body is ${bodyCharacters(issue.input as BodyBlock[])} characters; the limit is ${LIMITS.body.characters}`,
          }),
      ),
    category: text.nullable().optional(),
    categories: names("categories", "category", LIMITS.categories).default([]),
    /** Section path, "national" or "national/politics"; when absent the section rule decides. */
    section: z
      .string()
      .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, "section: a path such as national/politics")
      .optional(),
    tags: names("tags", "tag", LIMITS.tags).optional(),
    source_url: text
      .pipe(z.url({ protocol: /^https?$/, error: "source_url: an http(s) address" }))
      .nullable()
      .optional(),
    author: text
      .min(1)
      .max(LIMITS.author.characters, tooLong("author", LIMITS.author.characters))
      .refine((name) => unicodeSlug(name) !== "", {
        error: (issue) => `author ${JSON.stringify(issue.input)} ${NO_SLUG}`,
      })
      .nullable()
      .optional(),
    author_kind: z.enum(["staff", "agency", "collective"]).optional(),
    licence: text
      .max(LIMITS.licence.characters, tooLong("licence", LIMITS.licence.characters))
      .nullable()
      .optional(),
    status: z.enum(["draft", "scheduled", "published"]).default("published"),
    /** The earlier site's article id ("ud" of /view.php?ud=YYYYMMDD000NNN): 8 date digits and a 6-digit sequence. */
    legacy_id: z
      .string()
      .regex(/^\d{8}\d{6}$/, "legacy_id: 14 digits, YYYYMMDD then a 6-digit sequence")
      .nullable()
      .optional(),
    lead_image: z
      .object({
        file: text.min(1).nullable().optional(),
        caption: plainText.pipe(z.string().min(1)),
        credit: plainText.pipe(z.string().min(1)),
      })
      .optional(),
  })
  .superRefine((record, ctx) => {
    // The names that become the story's tags must each give a URL slug (lib/format/slug.ts).
    const field = record.tags ? "tags" : "categories";
    for (const [i, name] of (record.tags ?? record.categories).entries()) {
      if (unicodeSlug(name) === "")
        ctx.addIssue({
          code: "custom",
          path: [field, i],
          message: `tag ${JSON.stringify(name)} ${NO_SLUG}`,
        });
    }
  });

export type ImportRecord = z.infer<typeof importRecordSchema>;

/** Formats zod's issues as one line: "headline: headline is empty; published: expected …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("; ");
}
