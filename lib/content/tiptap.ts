import { z } from "zod";
import type { BodyBlock, ListItem, Run } from "../domain";
import { isSafeLink } from "./blocks";

/**
 * Herald's body blocks (lib/content/blocks.ts) to and from the JSON document of the newsroom's
 * Tiptap editor (components/newsroom/BodyEditor.island.tsx). Tiptap's document is the editor's
 * working copy only: what is stored is always the blocks tiptapToBlocks makes, never HTML.
 * Pure, so it runs in the browser and in tests.
 *
 * Node names are Tiptap's StarterKit's (paragraph, heading, blockquote, bulletList, orderedList,
 * listItem, text, hardBreak) and the editor's own photo node, {@link PHOTO_NODE}; marks: bold,
 * italic, link.
 */

/** The name of the editor's body photo node (its attributes: the photo block's fields). */
export const PHOTO_NODE = "bodyPhoto";

/** A Tiptap (ProseMirror) JSON node, as the editor's getJSON() gives it. */
export type TiptapNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
};

/** Deeper than this, a document is not one the editor made: the rest is left out. */
const MAX_DEPTH = 32;

const markSchema = z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional().nullable(),
});

/** What a node must look like to be read at all; anything else (and its contents) is dropped. */
const nodeShape = z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional().nullable(),
  content: z.array(z.unknown()).optional(),
  marks: z.array(z.unknown()).optional(),
  text: z.string().optional(),
});

// Control characters a paste can bring (not tab or newline): the block schema refuses them.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

function asNode(value: unknown): z.infer<typeof nodeShape> | null {
  const parsed = nodeShape.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function children(node: { content?: unknown[] }): z.infer<typeof nodeShape>[] {
  return (node.content ?? []).map(asNode).filter((n) => n !== null);
}

/** The marks of a text node Herald keeps: bold, italic and a safe link; the rest are dropped. */
function runMarks(marks: unknown[] | undefined): Omit<Run, "text"> {
  const kept: Omit<Run, "text"> = {};
  for (const raw of marks ?? []) {
    const mark = markSchema.safeParse(raw);
    if (!mark.success) continue;
    const { type, attrs } = mark.data;
    if (type === "bold") kept.bold = true;
    else if (type === "italic") kept.italic = true;
    else if (type === "link" && typeof attrs?.href === "string" && isSafeLink(attrs.href))
      kept.href = attrs.href;
  }
  return kept;
}

const sameMarks = (a: Run, b: Run) =>
  a.bold === b.bold && a.italic === b.italic && a.href === b.href;

/** The runs of a node's inline content (text, hard breaks as "\n"); adjacent equal runs merged. */
function inlineRuns(node: { content?: unknown[] }, depth: number): Run[] {
  const runs: Run[] = [];
  const push = (run: Run) => {
    if (run.text === "") return;
    const last = runs[runs.length - 1];
    if (last && sameMarks(last, run)) last.text += run.text;
    else runs.push(run);
  };
  for (const child of children(node)) {
    if (child.type === "text" && typeof child.text === "string")
      push({ text: child.text.replace(CONTROL, ""), ...runMarks(child.marks) });
    else if (child.type === "hardBreak") push({ text: "\n" });
    else if (depth < MAX_DEPTH) for (const run of inlineRuns(child, depth + 1)) push({ ...run });
  }
  return runs;
}

/** A text and, when any run carries a mark, its runs (plain text keeps today's {type, text}). */
function textAndRuns(runs: Run[]): { text: string; runs?: Run[] } | null {
  const text = runs.map((r) => r.text).join("");
  if (text.trim() === "") return null;
  const marked = runs.some((r) => r.bold || r.italic || r.href);
  return marked ? { text, runs } : { text };
}

/** Joins the runs of several paragraphs (a quote's, a list item's) with a line break. */
function joinParagraphs(parts: Run[][]): Run[] {
  const out: Run[] = [];
  parts
    .filter((p) => p.length > 0)
    .forEach((part, i) => {
      for (const run of i > 0 ? [{ text: "\n" }, ...part] : part) {
        const last = out[out.length - 1];
        if (last && sameMarks(last, run)) last.text += run.text;
        else out.push({ ...run });
      }
    });
  return out;
}

function listItems(list: { content?: unknown[] }, depth: number): ListItem[] {
  const items: ListItem[] = [];
  for (const item of children(list)) {
    const paragraphs: Run[][] = [];
    const nested: ListItem[] = [];
    for (const child of children(item)) {
      if (child.type === "bulletList" || child.type === "orderedList") {
        // Herald's lists are one level deep: a nested list's items follow their parent's.
        if (depth < MAX_DEPTH) nested.push(...listItems(child, depth + 1));
      } else paragraphs.push(inlineRuns(child, depth + 1));
    }
    const own = textAndRuns(joinParagraphs(paragraphs));
    if (own) items.push(own);
    items.push(...nested);
  }
  return items;
}

const photoAttrs = z.object({
  imageId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  alt: z.string().catch(""),
  caption: z.string().catch(""),
  credit: z.string().catch(""),
  src: z.string().optional().catch(undefined),
  width: z.number().int().positive().optional().catch(undefined),
  height: z.number().int().positive().optional().catch(undefined),
});

function toBlocks(nodes: z.infer<typeof nodeShape>[], depth: number, out: BodyBlock[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph": {
        const value = textAndRuns(inlineRuns(node, depth));
        if (value) out.push({ type: "paragraph", ...value });
        break;
      }
      case "heading": {
        const value = textAndRuns(inlineRuns(node, depth));
        if (value) out.push({ type: "heading", text: value.text });
        break;
      }
      case "blockquote": {
        const value = textAndRuns(joinParagraphs(children(node).map((p) => inlineRuns(p, depth))));
        if (value) out.push({ type: "quote", ...value });
        break;
      }
      case "bulletList":
      case "orderedList": {
        const items = listItems(node, depth);
        if (items.length > 0)
          out.push({ type: "list", ordered: node.type === "orderedList", items });
        break;
      }
      case PHOTO_NODE: {
        const attrs = photoAttrs.safeParse(node.attrs ?? {});
        if (!attrs.success) break;
        const { src, width, height, ...photo } = attrs.data;
        out.push({
          type: "photo",
          ...photo,
          ...(src && src.startsWith("/") && !src.startsWith("//") ? { src } : {}),
          ...(width ? { width } : {}),
          ...(height ? { height } : {}),
        });
        break;
      }
      default:
        // An unknown container (a pasted table, a div): its blocks are read, the wrapper dropped;
        // unknown leaves (code, rules, embeds) are dropped.
        if (depth < MAX_DEPTH) toBlocks(children(node), depth + 1, out);
    }
  }
}

/**
 * The body blocks of an editor document. Takes anything (the editor's JSON, or a hostile post):
 * nodes and marks Herald does not know are dropped (their text kept when they hold paragraphs),
 * links that are not http, https or mailto lose their link (the text stays), control characters
 * are removed, empty paragraphs left out, and nothing is ever kept as HTML. A photo keeps
 * src/width/height (for the editor to show it) only when src is a path on this site;
 * bodyBlocksSchema drops them when the body is stored. The result still has to pass
 * bodyBlocksSchema (its length limits) before it is stored.
 */
export function tiptapToBlocks(doc: unknown): BodyBlock[] {
  const root = asNode(doc);
  if (!root) return [];
  const out: BodyBlock[] = [];
  toBlocks(root.type === "doc" ? children(root) : [root], 0, out);
  return out;
}

/** Text nodes of runs; "\n" becomes a hard break. */
function inlineNodes(text: string, runs?: Run[]): TiptapNode[] {
  const nodes: TiptapNode[] = [];
  for (const run of runs && runs.length > 0 ? runs : [{ text }]) {
    const marks: NonNullable<TiptapNode["marks"]> = [];
    if (run.bold) marks.push({ type: "bold" });
    if (run.italic) marks.push({ type: "italic" });
    if (run.href && isSafeLink(run.href)) marks.push({ type: "link", attrs: { href: run.href } });
    run.text.split("\n").forEach((part, i) => {
      if (i > 0) nodes.push({ type: "hardBreak" });
      if (part) nodes.push({ type: "text", text: part, ...(marks.length ? { marks } : {}) });
    });
  }
  return nodes;
}

const paragraphNode = (text: string, runs?: Run[]): TiptapNode => {
  const content = inlineNodes(text, runs);
  return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
};

/**
 * The editor document of body blocks (for the editor's `content`): a subheading is a level-2
 * heading, a quote a blockquote of one paragraph, a list's items one paragraph each, a photo the
 * editor's {@link PHOTO_NODE} with the block's fields as attributes. An empty body is one empty
 * paragraph (the editor needs somewhere to type).
 */
export function blocksToTiptap(blocks: readonly BodyBlock[]): TiptapNode {
  const content: TiptapNode[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph":
        content.push(paragraphNode(block.text, block.runs));
        break;
      case "heading":
        content.push({ type: "heading", attrs: { level: 2 }, content: inlineNodes(block.text) });
        break;
      case "quote":
        content.push({ type: "blockquote", content: [paragraphNode(block.text, block.runs)] });
        break;
      case "list":
        content.push({
          type: block.ordered ? "orderedList" : "bulletList",
          content: block.items.map((item) => ({
            type: "listItem",
            content: [paragraphNode(item.text, item.runs)],
          })),
        });
        break;
      case "photo":
        content.push({
          type: PHOTO_NODE,
          attrs: {
            imageId: block.imageId,
            alt: block.alt,
            caption: block.caption,
            credit: block.credit,
            src: block.src ?? null,
            width: block.width ?? null,
            height: block.height ?? null,
          },
        });
        break;
    }
  }
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}
