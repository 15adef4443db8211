import { z } from "zod";
import type { BodyBlock } from "../domain";

/**
 * The body check of a story save (docs/newsroom.md, "The workflow"). TEMPORARY until helper
 * "blocks" lands lib/content/blocks.ts: then this is `bodyBlocksSchema` from there (one line).
 * Today's blocks: paragraphs and subheadings of plain text.
 */
export const storyBodySchema: z.ZodType<BodyBlock[]> = z
  .array(
    z.discriminatedUnion("type", [
      z.object({ type: z.literal("paragraph"), text: z.string().max(100_000) }),
      z.object({ type: z.literal("heading"), text: z.string().max(1_000) }),
    ]),
  )
  .max(2000, "The body has too many blocks");
