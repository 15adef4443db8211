import { z } from "zod";

/** The internal cursor of a front's first page. */
export const FIRST_PAGE_CURSOR = "top";

/**
 * Where a section front's page cursor and path are validated. next.config.js rewrites
 * "/national/politics?before=123" to the internal route "/section-front/123/national/politics"
 * and the bare front to "/section-front/top/national/politics". A cursor is "top" (the first
 * page, parsed to null) or an article id from 1 to 2^53 - 1 written without leading zeros or
 * signs; a section segment is a lower-case slug. Anything else is "not a page": a 404, never a 500.
 */
export const frontCursorSchema = z.union([
  z.literal(FIRST_PAGE_CURSOR).transform(() => null),
  z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .transform(Number)
    .refine(Number.isSafeInteger),
]);

export const sectionSegmentsSchema = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/))
  .min(1)
  .max(2);

/** The internal path of a front page (see next.config.js, rewrites). */
export const INTERNAL_FRONT_PREFIX = "/section-front";
