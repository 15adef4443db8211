import type { z } from "zod";
import type { BodyBlock } from "../domain";
import { bodyBlocksSchema, describeBodyIssues } from "../content/blocks";

/**
 * The body check of every story save and publish (docs/newsroom.md, "The workflow"): Herald's
 * block model (lib/content/blocks.ts bodyBlocksSchema: links http, https, mailto only; length
 * limits; a photo's src/width/height dropped, filled in on read).
 */
export const storyBodySchema: z.ZodType<BodyBlock[], unknown> = bodyBlocksSchema;

/** What is wrong with a body, as one line next to the body field. */
export const bodyProblem = (error: z.ZodError) => describeBodyIssues(error);
