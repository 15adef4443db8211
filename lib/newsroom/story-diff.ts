import { diffLines, diffWords, type ChangeObject } from "diff";
import type { BodyBlock } from "../domain";
import { blockText } from "../content/blocks";
import type { StoryContent } from "./story-content";

/** One field's readable difference between two revisions. */
export type FieldDiff = {
  field: "headline" | "standfirst" | "body";
  parts: { value: string; added?: true; removed?: true }[];
};

/**
 * A body's text for comparing: each block's plain text (lib/content/blocks.ts blockText: a list
 * item by item, a photo by its caption) on lines of its own, so the diff goes paragraph by paragraph.
 */
export function bodyDiffText(body: readonly BodyBlock[]): string {
  return body
    .map(blockText)
    .filter((text) => text.length > 0)
    .map((text) => `${text}\n`)
    .join("");
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
