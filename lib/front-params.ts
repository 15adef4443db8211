import { z } from "zod";

/**
 * Where a section front's page number and path are validated (proxy.ts rewrites
 * "/national/politics?page=2" to the internal route "/section-front/2/national/politics").
 * A page is a whole number from 1 to 99,999 written without leading zeros or signs; a section
 * segment is a lower-case slug. Anything else is "not a page": a 404, never a 500.
 */
export const pageNumberSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,4}$/)
  .transform(Number);

export const sectionSegmentsSchema = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/))
  .min(1)
  .max(2);

/** The internal path of a front page; `page` as typed by the reader ("abc" leads to a 404 page). */
export const INTERNAL_FRONT_PREFIX = "/section-front";
