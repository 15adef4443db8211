import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { findInvalidUnicode } from "../import/unicode";

/**
 * Readers for the default content shipped in content/ (copied from the shared data set; see
 * content/README.md). Each file is validated with zod; a malformed file throws a ZodError that
 * names the field, so a broken checkout fails loudly at first start instead of printing nonsense.
 */
export const CONTENT_DIR = path.join(process.cwd(), "content");

const read = (name: string) => fs.readFileSync(path.join(CONTENT_DIR, name), "utf8");

/**
 * The JSON text `text` of content file `name`, parsed; throws, naming the file and the field,
 * when a string in it is not valid Unicode (lib/import/unicode.ts), as the importer refuses
 * such text in stories: the default content goes to the same pages.
 */
export function parseContentJson(name: string, text: string): unknown {
  const json: unknown = JSON.parse(text);
  const invalid = findInvalidUnicode(json);
  if (invalid) throw new Error(`content/${name}: ${invalid}`);
  return json;
}
const readJson = (name: string) => parseContentJson(name, read(name));

const publicationSchema = z.object({
  name: z.string(),
  publisher_company: z.string(),
  locale: z.string(),
  time_zone: z.string(),
  sections: z.array(z.object({ name: z.string(), subsections: z.array(z.string()) })).length(9),
  footer_lines: z.object({
    our_site: z.string(),
    copyright: z.string(),
    address: z.string(),
    online_newspaper_registration_no: z.string(),
    date_of_registration: z.string(),
    publisher_editor: z.string(),
    juvenile_protection_manager: z.string(),
    tel: z.string(),
  }),
  legacy_section_codes: z.record(z.string(), z.string()),
  date_style: z.object({ months: z.array(z.string()).length(12) }),
});

const linkList = z.array(z.object({ label: z.string(), href: z.string() }));
const linksSchema = z.object({ promo: linkList, footer: linkList });

const imageSchema = z.object({
  file: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z
    .string()
    .trim()
    .min(1, "no alt text: describe what the photo shows, for readers who cannot see it"),
  caption: z.string(),
  credit: z.string(),
  licence: z.string(),
  source: z.string(),
});

const leadImagesSchema = z.object({
  assignments: z.array(z.object({ article: z.string(), file: z.string(), why: z.string() })),
});

const seedArticleSchema = z.object({
  headline: z.string(),
  author: z.object({ name: z.string(), kind: z.enum(["staff", "agency", "collective"]) }),
  section: z.string(),
  subsection: z.string(),
  published: z.string(),
  updated: z.string(),
  lead_image: z.object({ caption: z.string(), credit: z.string(), file: z.string().nullable() }),
  body: z.array(z.string()),
});

export const readPublicationFile = () => publicationSchema.parse(readJson("publication.json"));
export const readLinksFile = () => linksSchema.parse(readJson("publication-links.json"));
/**
 * The photographs (content/images.json). A photo without alt text, or any other bad entry, stops
 * the load with an error naming the file and the field: `content/images.json: "x.jpg" (entry 2)
 * alt: no alt text: ...`.
 */
export const readImagesFile = () => parseImages(readJson("images.json"));

/** Validates the entries of an images file (see readImagesFile). */
export function parseImages(json: unknown): Array<z.infer<typeof imageSchema>> {
  const result = z.array(imageSchema).safeParse(json);
  if (result.success) return result.data;
  const entries = Array.isArray(json) ? json : [];
  const problems = result.error.issues.map((issue) => {
    const [index, ...field] = issue.path;
    const entry: unknown = typeof index === "number" ? entries[index] : undefined;
    const file =
      entry && typeof entry === "object" && "file" in entry ? `"${String(entry.file)}" ` : "";
    const where = typeof index === "number" ? `${file}(entry ${index + 1}) ` : "";
    return `content/images.json: ${where}${field.join(".") || "file"}: ${issue.message}`;
  });
  throw new Error(problems.join("\n"));
}
export const readLeadImagesFile = () => leadImagesSchema.parse(readJson("lead-images.json"));
export const readSeedArticleFile = () => seedArticleSchema.parse(readJson("seed-article.json"));
const authorProfilesSchema = z.array(
  z.object({
    /** The byline exactly as stories carry it. */
    name: z.string().min(1).max(200),
    /** A short bio for the author's page, plain text. */
    bio: z.string().min(1).max(600).optional(),
    /** A photograph of images.json, by file name. */
    photo: z.string().min(1).optional(),
  }),
);

/** Bios and photos of bylines for their author pages (content/authors.json); a byline needs none. */
export const readAuthorProfilesFile = () => authorProfilesSchema.parse(readJson("authors.json"));

/** Our own stories in the editorial queue: a draft and a story scheduled far ahead, for trying preview. */
export const readNewsroomQueueLines = () => read("newsroom-queue.jsonl").split("\n");
/** The Wikinews corpus, one JSON record a line (format: docs/content.md, "Import format"). */
export const readCorpusLines = () => read("news-corpus.jsonl").split("\n");
