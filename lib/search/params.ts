import { z } from "zod";
import { MAX_QUERY_LENGTH } from "./query";
import type { SearchRequest } from "./types";

/**
 * Validates the query string of /search (and of the suggestions endpoint). Garbage never reaches
 * the database and never causes a 500: a malformed page number is "not a page" (a 404, as on
 * section fronts); a malformed section or date is dropped with a notice the page shows, keeping
 * the parts that were valid. Repeated parameters: the first counts.
 */

type Raw = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A page is 1 to 99,999, without leading zeros or signs (as on section fronts). */
const pageSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,4}$/)
  .transform(Number);

/** A section path: one or two lower-case slugs ("national", "national/politics"). */
const sectionSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}(\/[a-z0-9][a-z0-9-]{0,59})?$/);

/** A real calendar day "YYYY-MM-DD" from 1900 to 2100 (read as a KST day). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const year = Number(day.slice(0, 4));
    const date = new Date(`${day}T00:00:00Z`);
    return (
      year >= 1900 &&
      year <= 2100 &&
      !Number.isNaN(date.getTime()) &&
      date.toISOString().slice(0, 10) === day
    );
  });

/**
 * Reads the query text: the first `q`, at most a few times MAX_QUERY_LENGTH characters (the
 * search cuts it to MAX_QUERY_LENGTH and says so; this bound only limits the work on huge URLs).
 */
export function readQueryText(raw: Raw): string {
  const q = first(raw.q) ?? "";
  return q.length > MAX_QUERY_LENGTH * 4 ? q.slice(0, MAX_QUERY_LENGTH * 4) : q;
}

export type ParsedSearchParams =
  { ok: true; request: SearchRequest; notices: string[] } | { ok: false; reason: string };

/** Validates /search's `q`, `page`, `section`, `from` and `to`. */
export function parseSearchParams(raw: Raw): ParsedSearchParams {
  const notices: string[] = [];
  const rawPage = first(raw.page);
  let page = 1;
  if (rawPage !== undefined) {
    const parsed = pageSchema.safeParse(rawPage);
    if (!parsed.success) return { ok: false, reason: `not a page number: ${rawPage}` };
    page = parsed.data;
  }

  const rawSection = first(raw.section) ?? "";
  let section: string | null = null;
  if (rawSection !== "") {
    if (sectionSchema.safeParse(rawSection).success) section = rawSection;
    else notices.push("That section does not exist, so all sections were searched.");
  }

  const day = (name: "from" | "to", label: string): string | null => {
    const value = (first(raw[name]) ?? "").trim();
    if (value === "") return null;
    if (daySchema.safeParse(value).success) return value;
    notices.push(
      `The ${label} date was ignored: use a real date between 1900 and 2100, written YYYY-MM-DD.`,
    );
    return null;
  };
  let from = day("from", "start");
  let to = day("to", "end");
  if (from && to && from > to) {
    [from, to] = [to, from];
    notices.push("The start date was after the end date, so the two were swapped.");
  }
  return { ok: true, request: { q: readQueryText(raw), page, section, from, to }, notices };
}
