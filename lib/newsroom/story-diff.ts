import { diffLines, diffWords, type ChangeObject } from "diff";
import type { StoryContent } from "./story-content";

/** One field's readable difference between two revisions. */
export type FieldDiff = {
  field: "headline" | "standfirst" | "body";
  parts: { value: string; added?: true; removed?: true }[];
};

/** A body's text for comparing: each block's words on a line of their own (lists item by item). */
export function bodyDiffText(body: readonly unknown[]): string {
  const lines: string[] = [];
  for (const block of body as Array<Record<string, unknown>>) {
    if (typeof block.text === "string") lines.push(block.text);
    else if (Array.isArray(block.items))
      for (const item of block.items as Array<{ text?: unknown }>)
        lines.push(`• ${typeof item.text === "string" ? item.text : ""}`);
    else if (block.type === "photo")
      lines.push(`[Photo: ${String(block.caption ?? "")} ${String(block.credit ?? "")}]`.trim());
  }
  return lines.map((line) => `${line}\n`).join("");
}

function parts(changes: ChangeObject<string>[]): FieldDiff["parts"] {
  return changes.map((c) => ({
    value: c.value,
    ...(c.added ? { added: true as const } : {}),
    ...(c.removed ? { removed: true as const } : {}),
  }));
}

/**
 * The differences from revision content `a` to `b` (jsdiff): headline and standfirst word by
 * word, the body paragraph by paragraph (one line a block). Every field is listed, changed or not.
 */
export function diffContent(a: StoryContent, b: StoryContent): FieldDiff[] {
  return [
    { field: "headline", parts: parts(diffWords(a.headline, b.headline)) },
    { field: "standfirst", parts: parts(diffWords(a.standfirst, b.standfirst)) },
    { field: "body", parts: parts(diffLines(bodyDiffText(a.body), bodyDiffText(b.body))) },
  ];
}
