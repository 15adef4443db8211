/**
 * The importer's length limits, in one place: the record schema (record.ts) enforces them, its
 * messages quote them, and the tables in README.md ("Import limits") and docs/content.md
 * ("Import format") print them (limits.test.ts fails when a table disagrees). Lengths count
 * UTF-16 code units, as JavaScript does: a Korean syllable is one, most emoji are two.
 */
export const IMPORT_LIMITS = {
  id: { characters: 200 },
  /** After HTML is stripped and white space folded. */
  headline: { characters: 300 },
  standfirst: { characters: 600 },
  /** Paragraphs, and characters of all paragraphs together: a long read is about 100,000. */
  body: { paragraphs: 1000, characters: 200000 },
  tags: { names: 50, characters: 100 },
  categories: { names: 100, characters: 100 },
  author: { characters: 200 },
  licence: { characters: 300 },
} as const;

type Issue = { input?: unknown };

/**
 * zod's option for `.max(limit)` on a string, so the report says what the limit is:
 * tooLong("headline", 300) gives "headline is 312 characters; the limit is 300".
 */
export function tooLong(name: string, limit: number) {
  return {
    error: (issue: Issue) =>
      `${name} is ${String(issue.input ?? "").length} characters; the limit is ${limit}`,
  };
}

/**
 * zod's option for `.max(limit)` on an array of names: tooMany("tags", 50) gives
 * "tags has 51 names; the limit is 50".
 */
export function tooMany(name: string, limit: number) {
  return {
    error: (issue: Issue) =>
      `${name} has ${Array.isArray(issue.input) ? issue.input.length : "too many"} names; the limit is ${limit}`,
  };
}
