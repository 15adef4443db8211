import { z } from "zod";

/** "ud" of the earlier site's /view.php: YYYYMMDD and a 6-digit daily sequence (14 digits). */
export const legacyArticleIdSchema = z.string().regex(/^\d{14}$/);

/** "ct" of the earlier site's /list.php: a 12-digit section code such as 020100000000. */
export const legacySectionCodeSchema = z.string().regex(/^\d{12}$/);

/** The one value of a query parameter, or undefined when it is missing or repeated. */
export function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
