/**
 * Facet words: words a reader can never type, indexed with every article so that the section and
 * date filters of a search narrow the match inside the full-text index instead of after it. They
 * start with U+E000, a private-use character that lib/search/query.ts never lets into a query.
 * The same words on both backends (SQLite: migration 0004-search's view; PostgreSQL: search/document.ts).
 */

/** The marker every facet word starts with. */
export const FACET = "\uE000";

/** Earliest KST day a date filter reaches back to (lib/search/params.ts accepts no earlier year). */
const EPOCH_DAY = "1900-01-01";

/** The facet word of a section id. */
export const sectionFacet = (id: number) => `${FACET}s${id}`;

/**
 * Facet words covering the KST days `from`…`to` ("YYYY-MM-DD", inclusive): whole years as year
 * words, the rest as month words. A superset of the range; the exact bounds are checked in SQL.
 */
export function dateFacets(from: string, to: string): string[] {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const words: string[] = [];
  for (let y = fy; y <= ty; y += 1) {
    const first = y === fy ? fm : 1;
    const last = y === ty ? tm : 12;
    if (first === 1 && last === 12) words.push(`${FACET}y${y}`);
    else
      for (let m = first; m <= last; m += 1)
        words.push(`${FACET}m${y}${String(m).padStart(2, "0")}`);
  }
  return words;
}

/**
 * The facet words of an article: its section, and the KST year and month of its publication
 * (SQLite's view: strftime('%Y', published_at, '+9 hours')). Stored times are ISO strings in UTC
 * with a four-digit year (lib/import/record.ts), so the same instant gives the same words.
 */
export function articleFacets(sectionId: number, publishedAt: string | null): string[] {
  if (publishedAt === null) return [sectionFacet(sectionId)];
  const kst = new Date(Date.parse(publishedAt) + 9 * 3_600_000).toISOString();
  const year = kst.slice(0, 4);
  return [sectionFacet(sectionId), `${FACET}y${year}`, `${FACET}m${year}${kst.slice(5, 7)}`];
}

/** "YYYY-MM-DD" (a KST calendar day) → the UTC instant that day starts, ISO 8601. */
export function kstDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+09:00`)).toISOString();
}

/** The KST calendar day of an instant, "YYYY-MM-DD". */
export function kstDay(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Filters on the articles behind the matches: section ids, and KST days (inclusive). */
export type CandidateFilters = {
  sectionIds?: readonly number[] | null;
  /** First day, "YYYY-MM-DD" in KST. */
  from?: string | null;
  /** Last day, "YYYY-MM-DD" in KST. */
  to?: string | null;
};

/**
 * The facet words of a search's filters (a superset of what they allow; the exact bounds are
 * checked in SQL): `sections` and `dates`, each null when that filter is absent. Returns null
 * when the filters can match nothing (a range after today).
 */
export function filterFacets(
  filters: CandidateFilters,
  now: string,
): { sections: string[] | null; dates: string[] | null } | null {
  const sections =
    filters.sectionIds && filters.sectionIds.length > 0
      ? filters.sectionIds.map(sectionFacet)
      : null;
  if (!filters.from && !filters.to) return { sections, dates: null };
  // Nothing after `now` is public, so the facets never need to reach past today.
  const today = kstDay(now);
  const to = filters.to && filters.to < today ? filters.to : today;
  const from = filters.from && filters.from > EPOCH_DAY ? filters.from : EPOCH_DAY;
  if (from > to) return null;
  return { sections, dates: dateFacets(from, to) };
}
