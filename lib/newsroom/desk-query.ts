import { z } from "zod";

/** The desk's tabs, in order: where a story stands in the workflow. */
export const DESK_STATES = ["draft", "review", "scheduled", "published", "withdrawn"] as const;
export type DeskTab = (typeof DESK_STATES)[number];

/** What the desk lists: a tab, filters, sort order and page (the stories door's listDesk query). */
export type DeskQuery = {
  state: DeskTab;
  section?: number;
  author?: string;
  words?: string;
  sort: "newest" | "oldest";
  mine: boolean;
  page: number;
};

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = z.preprocess(
  one,
  z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((s) => (s ? s : undefined)),
);

const schema = z.object({
  state: z.preprocess(one, z.enum(DESK_STATES).catch("draft")),
  section: z.preprocess(one, z.coerce.number().int().positive().optional().catch(undefined)),
  author: text,
  words: text,
  sort: z.preprocess(one, z.enum(["newest", "oldest"]).catch("newest")),
  mine: z.preprocess(one, z.enum(["mine", "all"]).optional().catch(undefined)),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)),
});

/**
 * Reads the desk's query string (/newsroom?state=review&section=3&words=rain&sort=oldest&show=all
 * &page=2) into a DeskQuery. Nothing in a query string can break the desk: a value it cannot
 * read falls back to its default (the Drafts tab, newest first, page 1). `show` is "mine" or
 * "all"; without it a writer sees their own stories and an editor everyone's (issue 17: "A
 * writer sees their own and can filter to all").
 */
export function parseDeskQuery(
  params: Record<string, string | string[] | undefined>,
  defaultMine: boolean,
): DeskQuery {
  const parsed = schema.parse({ ...params, mine: params.show });
  return {
    state: parsed.state,
    section: parsed.section,
    author: parsed.author,
    words: parsed.words,
    sort: parsed.sort,
    mine: parsed.mine === undefined ? defaultMine : parsed.mine === "mine",
    page: parsed.page,
  };
}

/** The desk's address for a query, with only what differs from the defaults. */
export function deskHref(query: DeskQuery, defaultMine: boolean, base = "/newsroom"): string {
  const params = new URLSearchParams();
  if (query.state !== "draft") params.set("state", query.state);
  if (query.section) params.set("section", String(query.section));
  if (query.author) params.set("author", query.author);
  if (query.words) params.set("words", query.words);
  if (query.sort !== "newest") params.set("sort", query.sort);
  if (query.mine !== defaultMine) params.set("show", query.mine ? "mine" : "all");
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
