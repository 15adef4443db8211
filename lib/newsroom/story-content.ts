import { z } from "zod";
import type { BodyBlock } from "../domain";

/**
 * What a story revision holds and what the story editor posts (docs/newsroom.md): everything a
 * published page shows. Text is kept exactly as typed (it is escaped wherever it is rendered),
 * never stripped or stored as HTML. Two levels of checking:
 * - storyDraftSchema: what any save accepts, so autosave keeps half-written work (bounded
 *   lengths, well-formed values, empty fields allowed);
 * - storyReadySchema: what submitting, scheduling and publishing require (a headline of at most
 *   110 characters, as search engines recommend; a byline; a section; a slug; alt text and a
 *   credit for every photo).
 * The body's own schema (lib/content/blocks.ts) is applied by the caller that knows it; here it
 * is an array bounded in length.
 */

/** A headline's most characters: longer ones are cut in search results (Google's guidance). */
export const HEADLINE_MAX = 110;
export const STANDFIRST_MAX = 300;
export const SLUG_MAX = 80;
export const CAPTION_MAX = 500;
export const CREDIT_MAX = 200;
export const ALT_MAX = 300;
export const BYLINE_MAX = 10;
export const TAGS_MAX = 20;

/** One name of a byline: a staff writer or an agency (Yonhap, AP). */
export type BylineEntry = { name: string; kind: "staff" | "agency" };

/** The lead photo: an uploaded image (or none) with its caption, credit and alt text. */
export type LeadPhoto = { imageId: number | null; caption: string; credit: string; alt: string };

/** A story's content, as a revision stores it. */
export type StoryContent = {
  headline: string;
  standfirst: string;
  /** URL-safe in any language (lib/format/slug.ts unicodeSlug), unique among stories. */
  slug: string;
  sectionId: number | null;
  byline: BylineEntry[];
  tags: string[];
  lead: LeadPhoto;
  body: BodyBlock[];
  /** The publication time (ISO 8601 UTC), entered and shown in KST; null: when published. */
  publishAt: string | null;
};

/** Text as typed: one line, no control characters but none stripped silently (refused). */
const line = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} is too long: at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: `${label} contains control characters`,
    });

const bylineEntry = z.object({
  name: line(200, "A byline name").trim().min(1, "A byline name is empty"),
  kind: z.enum(["staff", "agency"]),
});

const leadPhoto = z.object({
  imageId: z.number().int().positive().nullable(),
  caption: line(CAPTION_MAX, "The caption"),
  credit: line(CREDIT_MAX, "The credit"),
  alt: line(ALT_MAX, "The alt text"),
});

/** Any save: bounded, well-formed, possibly incomplete. */
export const storyDraftSchema = z.object({
  headline: line(HEADLINE_MAX, "The headline"),
  standfirst: line(STANDFIRST_MAX, "The standfirst"),
  slug: z
    .string()
    .max(SLUG_MAX, `The slug is too long: at most ${SLUG_MAX} characters`)
    .regex(
      /^$|^[\p{Ll}\p{Lo}\p{N}\p{M}]+(?:-[\p{Ll}\p{Lo}\p{N}\p{M}]+)*$/u,
      "The slug may hold only lower-case letters of any language, digits and single hyphens",
    ),
  sectionId: z.number().int().positive().nullable(),
  byline: z.array(bylineEntry).max(BYLINE_MAX, `At most ${BYLINE_MAX} names in a byline`),
  tags: z
    .array(line(100, "A tag").trim().min(1, "A tag is empty"))
    .max(TAGS_MAX, `At most ${TAGS_MAX} tags`),
  lead: leadPhoto,
  body: z.array(z.unknown()).max(2000, "The body has too many blocks"),
  publishAt: z.iso.datetime({ message: "The publication time is not a valid time" }).nullable(),
});

/** Submitting for review, scheduling and publishing. */
export const storyReadySchema = storyDraftSchema.superRefine((story, ctx) => {
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
  };
  need(story.headline.trim().length > 0, "headline", "Write a headline");
  need(story.slug.length > 0, "slug", "Give the story a slug");
  need(story.sectionId !== null, "sectionId", "Choose a section");
  need(story.byline.length > 0, "byline", "Add at least one byline");
  need(story.body.length > 0, "body", "Write the body");
  if (story.lead.imageId !== null) {
    need(story.lead.alt.trim().length > 0, "lead.alt", "Describe the lead photo (alt text)");
    need(story.lead.credit.trim().length > 0, "lead.credit", "Credit the lead photo");
  }
  // Body photos need the same: their alt text and credit are printed with them (issue 17).
  story.body.forEach((block, index) => {
    if (!isPhotoBlock(block)) return;
    const where = `photo ${story.body.slice(0, index + 1).filter(isPhotoBlock).length} of the body`;
    need(block.alt.trim().length > 0, "body", `Describe ${where} (alt text)`);
    need(block.credit.trim().length > 0, "body", `Credit ${where}`);
  });
});

/** Whether a (not yet validated) body block is a photo with text fields to check. */
function isPhotoBlock(block: unknown): block is { alt: string; credit: string } {
  const b = block as { type?: unknown; alt?: unknown; credit?: unknown } | null;
  return (
    typeof b === "object" &&
    b !== null &&
    b.type === "photo" &&
    typeof b.alt === "string" &&
    typeof b.credit === "string"
  );
}

/** Field errors keyed by the field's path ("headline", "lead.alt", "body"), first message each. */
export type FieldErrors = Record<string, string>;

/** zod issues as one message per field, for messages next to the fields. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "story";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A new story's content: empty, for the writer to fill in. */
export function emptyStory(): StoryContent {
  return {
    headline: "",
    standfirst: "",
    slug: "",
    sectionId: null,
    byline: [],
    tags: [],
    lead: { imageId: null, caption: "", credit: "", alt: "" },
    body: [],
    publishAt: null,
  };
}
