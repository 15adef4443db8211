import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SectionFrontPage } from "../domain";
import {
  articleIdsByExternalId,
  createTempDb,
  importAll,
  makeRecord,
  type TempDb,
} from "../test-support/temp-db";
import { FRONT_PAGE_SIZE, getSectionFront } from "./articles";
import { findSection, getSectionTree } from "./sections";

const NOW = "2024-06-01T12:00:00.000Z";
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * 45 stories in Topics / Weekender over 15 days, three a day, in an order that is neither the
 * import order nor its reverse: story i is published on day (7 i mod 15).
 */
const WEEKENDER = Array.from({ length: 45 }, (_, k) => {
  const i = k + 1;
  const day = (7 * i) % 15;
  return { externalId: `w-${pad(i)}`, i, day, published: `2024-01-${pad(day + 1)}T10:00:00Z` };
});

let temp: TempDb;
let ids: Map<string, number>;

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
  await importAll(temp.db, [
    ...WEEKENDER.map((w) =>
      makeRecord(w.externalId, { section: "topics/weekender", published: w.published }),
    ),
    // Never public at NOW: a draft, a story published in the future and one scheduled for later.
    makeRecord("w-draft", {
      section: "topics/weekender",
      published: "2024-05-31",
      status: "draft",
    }),
    makeRecord("w-future", { section: "topics/weekender", published: "2024-07-01T00:00:00Z" }),
    makeRecord("w-scheduled", {
      section: "topics/weekender",
      published: "2024-06-15T00:00:00Z",
      status: "scheduled",
    }),
    makeRecord("t-top-1", { section: "topics", published: "2024-02-01T00:00:00Z" }),
    makeRecord("t-top-2", { section: "topics", published: "2024-02-02T00:00:00Z" }),
    makeRecord("t-sis-1", { section: "topics/sis", published: "2023-12-01T00:00:00Z" }),
    makeRecord("t-sis-draft", { section: "topics/sis", published: "2024-05-01", status: "draft" }),
  ]);
  ids = await articleIdsByExternalId(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});

async function front(
  segments: string[],
  page: number,
  now = NOW,
): Promise<SectionFrontPage | null> {
  const target = findSection(await getSectionTree(temp.db), segments);
  if (!target) throw new Error(`no section ${segments.join("/")}`);
  return getSectionFront(temp.db, target, page, now);
}

const idOf = (externalId: string): number => {
  const id = ids.get(externalId);
  if (id === undefined) throw new Error(`not imported: ${externalId}`);
  return id;
};

/** Weekender's public stories, newest first, ties broken by the higher (later) id. */
const weekenderOrder = () =>
  [...WEEKENDER]
    .sort((a, b) => b.day - a.day || idOf(b.externalId) - idOf(a.externalId))
    .map((w) => idOf(w.externalId));

describe("findSection", () => {
  it("finds top-level sections and subsections by their URL segments", async () => {
    const tree = await getSectionTree(temp.db);
    const topics = findSection(tree, ["topics"]);
    expect(topics?.section).toMatchObject({ slug: "topics", path: "/topics" });
    expect(topics?.parent).toBeNull();
    const weekender = findSection(tree, ["topics", "weekender"]);
    expect(weekender?.section).toMatchObject({ slug: "weekender", path: "/topics/weekender" });
    expect(weekender?.parent?.slug).toBe("topics");
  });

  it("returns undefined for unknown or malformed paths", async () => {
    const tree = await getSectionTree(temp.db);
    expect(findSection(tree, [])).toBeUndefined();
    expect(findSection(tree, ["nowhere"])).toBeUndefined();
    expect(findSection(tree, ["topics", "nowhere"])).toBeUndefined();
    expect(findSection(tree, ["weekender"])).toBeUndefined();
    expect(findSection(tree, ["national", "weekender"])).toBeUndefined();
    expect(findSection(tree, ["topics", "weekender", "extra"])).toBeUndefined();
  });
});

describe("getSectionFront", () => {
  it("pages a subsection of 45 stories as 20, 20 and 5", async () => {
    expect(FRONT_PAGE_SIZE).toBe(20);
    const pages = await Promise.all([1, 2, 3].map((p) => front(["topics", "weekender"], p)));
    expect(pages.map((p) => p?.articles.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p?.page)).toEqual([1, 2, 3]);
    for (const p of pages) {
      expect(p?.totalPages).toBe(3);
      expect(p?.totalArticles).toBe(45);
      expect(p?.section.slug).toBe("weekender");
      expect(p?.parent?.slug).toBe("topics");
    }
    expect(await front(["topics", "weekender"], 4)).toBeNull();
  });

  it("lists newest first, ties broken by id descending", async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => front(["topics", "weekender"], p)));
    const listed = pages.flatMap((p) => p?.articles.map((a) => a.id) ?? []);
    expect(listed).toEqual(weekenderOrder());
    // Day 14 (Jan 15) holds stories 2, 17 and 32; the last imported comes first.
    expect(listed.slice(0, 3)).toEqual([idOf("w-32"), idOf("w-17"), idOf("w-02")]);
    // Day 0 (Jan 1) holds stories 15, 30 and 45: they close the last page.
    expect(listed.slice(-3)).toEqual([idOf("w-45"), idOf("w-30"), idOf("w-15")]);
    const first = pages[0]?.articles[0];
    expect(first?.publishedAt).toBe("2024-01-15T10:00:00.000Z");
    expect(first?.path).toBe(`/article/${idOf("w-32")}/headline-w-32`);
    expect(first?.section.path).toBe("/topics/weekender");
    expect(first?.topSection.path).toBe("/topics");
  });

  it("returns null for a page that is not a positive integer", async () => {
    for (const page of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await front(["topics", "weekender"], page)).toBeNull();
    }
  });

  it("includes the subsections' stories on a top-level section front", async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => front(["topics"], p)));
    expect(pages.map((p) => p?.articles.length)).toEqual([20, 20, 8]);
    expect(pages[0]?.totalArticles).toBe(48);
    expect(pages[0]?.totalPages).toBe(3);
    expect(pages[0]?.section.slug).toBe("topics");
    expect(pages[0]?.parent).toBeNull();
    const listed = pages.flatMap((p) => p?.articles.map((a) => a.id) ?? []);
    expect(listed).toEqual([
      idOf("t-top-2"),
      idOf("t-top-1"),
      ...weekenderOrder(),
      idOf("t-sis-1"),
    ]);
    expect(await front(["topics"], 4)).toBeNull();
  });

  it("gives an empty section an empty page 1 (totalPages 1) and no page 2", async () => {
    for (const segments of [["english-eye"], ["english-eye", "podcast"]]) {
      const page = await front(segments, 1);
      expect(page?.articles).toEqual([]);
      expect(page?.page).toBe(1);
      expect(page?.totalPages).toBe(1);
      expect(page?.totalArticles).toBe(0);
      expect(await front(segments, 2)).toBeNull();
    }
  });

  it("never shows drafts, scheduled stories or stories published in the future", async () => {
    const hidden = ["w-draft", "w-future", "w-scheduled", "t-sis-draft"].map(idOf);
    for (const segments of [["topics"], ["topics", "weekender"], ["topics", "sis"]]) {
      for (let p = 1; ; p += 1) {
        const page = await front(segments, p);
        if (!page) break;
        for (const article of page.articles) expect(hidden).not.toContain(article.id);
      }
    }
    const sis = await front(["topics", "sis"], 1);
    expect(sis?.articles.map((a) => a.id)).toEqual([idOf("t-sis-1")]);
  });

  it("shows a published or scheduled story once its publication time has passed", async () => {
    const later = await front(["topics", "weekender"], 1, "2024-07-01T00:00:00.000Z");
    expect(later?.totalArticles).toBe(47);
    expect(later?.articles.slice(0, 2).map((a) => a.id)).toEqual([
      idOf("w-future"),
      idOf("w-scheduled"),
    ]);
    const justBefore = await front(["topics", "weekender"], 1, "2024-06-30T23:59:59.999Z");
    expect(justBefore?.totalArticles).toBe(46);
    const beforeSchedule = await front(["topics", "weekender"], 1, "2024-06-14T23:59:59.999Z");
    expect(beforeSchedule?.totalArticles).toBe(45);
  });
});
