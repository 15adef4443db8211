import { z } from "zod";
import type { BodyBlock, Run } from "../domain";
import { describeInvalidUnicode } from "../import/unicode";

/**
 * Herald's body block model (lib/domain.ts BodyBlock; docs/content.md, "The body"): the schema
 * every stored or posted body passes, and the plain text of a body for search, feeds and
 * summaries. Pure: the newsroom's editor (in the browser) and the server share it.
 */

/**
 * The body's limits. Characters count UTF-16 code units, as JavaScript does. `characters` is the
 * text of all blocks together (captions included), the importer's limit too (lib/import/limits.ts):
 * a long read is about 100,000, so a 5 MB body is refused, with a message that says so.
 */
export const BODY_LIMITS = {
  blocks: 1000,
  characters: 200_000,
  runs: 1000,
  listItems: 500,
  href: 2000,
  alt: 300,
  caption: 1000,
  credit: 200,
} as const;

/** The link schemes a body may hold (issue 17): never javascript:, data:, vbscript:, file:. */
export const LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

// C0 controls but tab and newline, DEL and the C1 controls: invisible, and XML forbids most.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * Why `href` cannot be a body link, or null when it can: an absolute http(s) URL with a host, or
 * a mailto: address, written without spaces or control characters (browsers drop tabs and
 * newlines inside a scheme, so "java\tscript:" would otherwise slip through as text).
 */
export function linkProblem(href: string): string | null {
  if (href.length === 0) return "the link is empty";
  if (href.length > BODY_LIMITS.href)
    return `the link is ${href.length} characters; the limit is ${BODY_LIMITS.href}`;
  if (/[\s\u0000-\u001F\u007F-\u009F]/.test(href)) return "a link cannot contain spaces";
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return "a link must be a full address starting with http://, https:// or mailto:";
  }
  if (!(LINK_PROTOCOLS as readonly string[]).includes(url.protocol))
    return `links may only be http, https or mailto (not ${url.protocol})`;
  if (url.protocol !== "mailto:" && url.hostname === "") return "a web link needs a host name";
  if (url.protocol === "mailto:" && url.pathname.length === 0)
    return "a mailto: link needs an address";
  return null;
}

/** True when `href` is a link a body may hold ({@link linkProblem}). */
export const isSafeLink = (href: string) => linkProblem(href) === null;

/** Text of a block: valid Unicode, no control characters but tab and newline. */
const blockString = (max: number, name: string) =>
  z
    .string()
    .max(max, {
      error: (issue) =>
        `${name} is ${String(issue.input ?? "").length.toLocaleString("en")} characters; the limit is ${max.toLocaleString("en")}`,
    })
    .check((ctx) => {
      const invalid = describeInvalidUnicode(ctx.value);
      if (invalid)
        ctx.issues.push({ code: "custom", message: `${name}: ${invalid}`, input: ctx.value });
      else if (CONTROL.test(ctx.value))
        ctx.issues.push({
          code: "custom",
          message: `${name} holds a control character`,
          input: ctx.value,
        });
    });

const text = blockString(BODY_LIMITS.characters, "text");

const runSchema = z.object({
  text: text.min(1, "a run of text is empty"),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  href: z
    .string()
    .optional()
    .check((ctx) => {
      if (ctx.value === undefined) return;
      const problem = linkProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    }),
});

const runs = z.array(runSchema).max(BODY_LIMITS.runs, `at most ${BODY_LIMITS.runs} runs a block`);

/** A text with optional runs whose text, joined, must be the text (what search reads is what shows). */
const withRuns = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, text: text.min(1, "a block's text is empty"), runs: runs.optional() })
    .refine((b) => runsJoin(b as { text: string; runs?: Run[] }), {
      message: "the runs' text does not join to the block's text",
      path: ["runs"],
    });

const runsJoin = (b: { text: string; runs?: Run[] }) =>
  b.runs === undefined || b.runs.map((r) => r.text).join("") === b.text;

const paragraph = withRuns({ type: z.literal("paragraph") });
const quote = withRuns({ type: z.literal("quote") });
const heading = z.object({
  type: z.literal("heading"),
  text: text.min(1, "a subheading is empty"),
});
const list = z.object({
  type: z.literal("list"),
  ordered: z.boolean(),
  items: z
    .array(withRuns({}))
    .min(1, "a list has no items")
    .max(BODY_LIMITS.listItems, `a list has at most ${BODY_LIMITS.listItems} items`),
});
/** A body photo: what is stored. src, width and height (filled in on read) are dropped here. */
const photo = z
  .object({
    type: z.literal("photo"),
    imageId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    alt: blockString(BODY_LIMITS.alt, "alt text"),
    caption: blockString(BODY_LIMITS.caption, "caption"),
    credit: blockString(BODY_LIMITS.credit, "credit"),
  })
  .strip();

/** One block of a body (see {@link bodyBlocksSchema}). */
export const bodyBlockSchema = z.discriminatedUnion(
  "type",
  [paragraph, heading, quote, list, photo],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? "a block's type must be paragraph, heading, quote, list or photo"
        : undefined,
  },
);

/**
 * A body as stored and posted: at most BODY_LIMITS.blocks blocks of at most
 * BODY_LIMITS.characters characters in all. Links: http, https, mailto only. Unknown keys are
 * dropped (a photo's src/width/height among them: they are filled in on read), unknown block
 * types refused. Output type: BodyBlock[].
 */
export const bodyBlocksSchema: z.ZodType<BodyBlock[], unknown> = z
  .array(bodyBlockSchema)
  .max(BODY_LIMITS.blocks, {
    error: (issue) =>
      `the body has ${Array.isArray(issue.input) ? issue.input.length : "too many"} blocks; the limit is ${BODY_LIMITS.blocks}`,
  })
  .superRefine((blocks, ctx) => {
    const total = blocks.reduce((n, b) => n + blockText(b as BodyBlock).length, 0);
    if (total > BODY_LIMITS.characters)
      ctx.addIssue({
        code: "custom",
        message: `the body is ${total.toLocaleString("en")} characters; the limit is ${BODY_LIMITS.characters.toLocaleString("en")}`,
      });
  }) as z.ZodType<BodyBlock[], unknown>;

/**
 * Reads zod's issues of {@link bodyBlocksSchema} as one line a person can act on:
 * "body, block 3, run 1: links may only be http, https or mailto (not javascript:)".
 */
export function describeBodyIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = ["body"];
      const path = issue.path;
      for (let i = 0; i < path.length; i++) {
        const key = path[i];
        const next = path[i + 1];
        if (typeof key === "number" && i === 0) where.push(`block ${key + 1}`);
        else if ((key === "runs" || key === "items") && typeof next === "number") {
          where.push(`${key === "runs" ? "run" : "item"} ${next + 1}`);
          i++;
        }
      }
      return `${where.join(", ")}: ${issue.message}`;
    })
    .join("; ");
}

/** The plain text of a list of runs (what a reader reads, marks dropped). */
export const runsText = (list: readonly Run[]) => list.map((r) => r.text).join("");

/**
 * A block's plain text, for the search index, feeds, summaries and diffs: a text block's text, a
 * list's items one a line, a photo's caption. Never markup.
 */
export function blockText(block: BodyBlock): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
    case "quote":
      return block.text;
    case "list":
      return block.items.map((item) => item.text).join("\n");
    case "photo":
      return block.caption;
    default:
      return "";
  }
}

/** A body's plain text: its blocks' text, one block a line (blocks without text left out). */
export function bodyText(blocks: readonly BodyBlock[]): string {
  return blocks
    .map(blockText)
    .filter((t) => t.length > 0)
    .join("\n");
}

/**
 * The text a summary starts from when a story has no standfirst: the first block's text, as it
 * always was, photos passed over (a caption does not open a story), or "" for a body without text.
 */
export function leadText(blocks: readonly BodyBlock[]): string {
  const first = blocks.find((b) => b.type !== "photo" && blockText(b));
  return first ? blockText(first) : "";
}

/** The least a stored block needs to be rendered and read without a crash. */
function looksLikeBlock(value: unknown): value is BodyBlock {
  if (typeof value !== "object" || value === null) return false;
  const b = value as Record<string, unknown>;
  switch (b.type) {
    case "paragraph":
    case "heading":
    case "quote":
      return typeof b.text === "string" && (b.runs === undefined || Array.isArray(b.runs));
    case "list":
      return (
        Array.isArray(b.items) &&
        b.items.every((i) => typeof (i as { text?: unknown })?.text === "string")
      );
    case "photo":
      return typeof b.imageId === "number" && typeof b.caption === "string";
    default:
      return false;
  }
}

/**
 * A stored body (articles.body_json, validated when it was written) read back: its blocks, with
 * anything that is not a known block left out, and [] for text that is not a JSON array, so a
 * damaged row costs its body, never the page. Does not re-validate text (that was done on write;
 * the renderer checks links again).
 */
export function parseStoredBody(json: string): BodyBlock[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(looksLikeBlock);
}

/** The plain text of a stored body ({@link parseStoredBody}, {@link bodyText}). */
export const storedBodyText = (json: string) => bodyText(parseStoredBody(json));
