import { z } from "zod";

/** An article id in a URL: a positive whole number without leading zeros (at most 15 digits). Anything else is a 404. */
export const articleIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);
