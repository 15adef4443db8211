import type { DB } from "../db";
import type { ArticleSummary, SectionFrontPage, SectionNode, SectionRef } from "../../../domain";
import { isPublic, newestFirst, selectSummaries, toSummary } from "./article-rows";

/** Stories per page of a section front. */
export const FRONT_PAGE_SIZE = 20;

/** A story's place in a front's order: newest first by publication time, ties by higher id. */
type Key = { id: number; published_at: string };

/**
 * The ids of the `limit` public stories of `sectionIds` next to `from` in a front's order:
 * "older" gives those after it (all from the top when `from` is null), "newer" those before it,
 * nearest first. Each section is read on its own with a keyset seek on the partial index
 * `articles_public_section` and the lists are merged here, so the cost depends on `limit` and the
 * number of sections, never on how deep the page is or how many stories a section holds.
 */
export async function frontKeys(
  db: DB,
  sectionIds: readonly number[],
  now: string,
  from: Key | null,
  direction: "older" | "newer",
  limit: number,
): Promise<Key[]> {
  const lists = await Promise.all(
    sectionIds.map((sectionId) => {
      // Going older from a cursor (itself public, so no later than `now`), public-at-`now` equals
      // public-at-the-cursor's-time; saying so gives SQLite the cursor's time as the one upper
      // bound of its index range. With `now` as well, it started the range at `now` and walked
      // down to the cursor, a cost that grew with the depth of the page.
      const until = from && direction === "older" ? from.published_at : now;
      let query = db
        .selectFrom("articles as a")
        .select(["a.id", "a.published_at"])
        .where("a.section_id", "=", sectionId)
        .where(isPublic(until));
      if (from)
        query = query.where((eb) =>
          eb(
            eb.refTuple("a.published_at", "a.id"),
            direction === "older" ? "<" : ">",
            eb.tuple(from.published_at, from.id),
          ),
        );
      const order = direction === "older" ? "desc" : "asc";
      return query.orderBy("a.published_at", order).orderBy("a.id", order).limit(limit).execute();
    }),
  );
  const merged = lists.flat() as Key[];
  merged.sort(direction === "older" ? newestFirst : (a, b) => newestFirst(b, a));
  return merged.slice(0, limit);
}

/** Stories by id, as summaries, in the order of `ids` (ids with no row are left out). */
export async function summariesByIds(db: DB, ids: number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await selectSummaries(db).where("a.id", "in", ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toSummary(row)] : [];
  });
}

/** The ids of a front's sections: the section and, for a top-level section, its subsections. */
export const frontSectionIds = (section: SectionNode | SectionRef): number[] =>
  "children" in section ? [section.id, ...section.children.map((c) => c.id)] : [section.id];

/**
 * One page of a section front: FRONT_PAGE_SIZE public stories of the section (and, for a
 * top-level section, of all its subsections), newest first, ties broken by id.
 * `before` null gives the first page; otherwise the page of stories that come after the story
 * with that id, which must be a story of this front that has been published (one withdrawn
 * since still marks the place, so links to older pages keep working). Returns null when it is
 * not (an unknown cursor, a draft, a story not yet due or of another front is a 404, not an
 * empty page). A front with no stories has an empty first page. `now`: ISO 8601 UTC.
 * Cost: a few index seeks per section, the same on every page (keyset pagination).
 */
export async function getSectionFront(
  db: DB,
  target: { section: SectionNode | SectionRef; parent: SectionNode | null },
  before: number | null,
  now: string,
): Promise<SectionFrontPage | null> {
  const sectionIds = frontSectionIds(target.section);
  let cursor: Key | null = null;
  if (before !== null) {
    if (!Number.isSafeInteger(before) || before < 1) return null;
    // A story withdrawn since its page was linked still marks the place: older pages stay put.
    const row = await db
      .selectFrom("articles as a")
      .select(["a.id", "a.published_at", "a.section_id"])
      .where("a.id", "=", before)
      .where("a.status", "in", ["published", "scheduled"])
      .where("a.published_at", "<=", now)
      .executeTakeFirst();
    if (!row || row.published_at === null || !sectionIds.includes(row.section_id)) return null;
    cursor = { id: row.id, published_at: row.published_at };
  }
  const page = await frontKeys(db, sectionIds, now, cursor, "older", FRONT_PAGE_SIZE + 1);
  const shown = page.slice(0, FRONT_PAGE_SIZE);
  let newer: SectionFrontPage["newer"] = null;
  if (cursor) {
    // The newer page holds the cursor's story and the FRONT_PAGE_SIZE - 1 stories above it, so
    // it starts after the FRONT_PAGE_SIZE-th story above the cursor; with fewer, it is the first page.
    const above = await frontKeys(db, sectionIds, now, cursor, "newer", FRONT_PAGE_SIZE);
    newer = { before: above.length === FRONT_PAGE_SIZE ? (above.at(-1)?.id ?? null) : null };
  }
  const last = shown.at(-1);
  return {
    ...target,
    articles: await summariesByIds(
      db,
      shown.map((k) => k.id),
    ),
    before,
    newer,
    older: page.length > FRONT_PAGE_SIZE && last ? { before: last.id } : null,
  };
}
