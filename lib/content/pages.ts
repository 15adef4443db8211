import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CONTENT_DIR } from "./files";

const pageSchema = z.object({
  title: z.string().min(1),
  paragraphs: z.array(z.string().min(1)).min(1),
});
const pagesSchema = z.object({
  privacy: pageSchema,
  copyright: pageSchema,
  ombudsman: pageSchema,
  subscribe: pageSchema,
});

export type StandingPageKey = keyof z.infer<typeof pagesSchema>;
export type StandingPage = z.infer<typeof pageSchema>;

let pages: z.infer<typeof pagesSchema> | undefined;

/**
 * A standing page (privacy statement, copyright policy, ombudsman, subscribe) from
 * content/pages.json: its title and plain-text paragraphs. Throws a ZodError if the file is malformed.
 */
export function getStandingPage(key: StandingPageKey): StandingPage {
  pages ??= pagesSchema.parse(
    JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, "pages.json"), "utf8")),
  );
  return pages[key];
}
