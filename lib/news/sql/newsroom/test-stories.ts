import { emptyStory, type StoryContent } from "../../../newsroom/story-content";
import type { StoryActor } from "../../newsroom-store";

/** Helpers of the newsroom's data tests (not a test file: no `.test`). */

export const WRITER: StoryActor = { id: "user-writer", name: "Wanda Writer" };
export const EDITOR: StoryActor = { id: "user-editor", name: "Eddie Editor" };

/** Story content ready to publish in section `sectionId`, with `fields` changed. */
export function readyContent(sectionId: number, fields: Partial<StoryContent> = {}): StoryContent {
  return {
    ...emptyStory(),
    headline: "Rain returns to Seoul",
    standfirst: "Forecasters expect a wet week.",
    slug: "rain-returns-to-seoul",
    sectionId,
    byline: [{ name: "Kim Min-ji", kind: "staff" }],
    tags: ["Weather"],
    body: [{ type: "paragraph", text: "Heavy rain fell on the capital on Monday." }],
    ...fields,
  };
}
