import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SectionFrontPage } from "../../../domain";
import {
  articleIdsByExternalId,
  createTempDb,
  importAll,
  makeRecord,
  type TempDb,
} from "../../test-support/temp-db";
import { FRONT_PAGE_SIZE, getSectionFront } from "./section-front";
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
  before: number | null,
  now = NOW,
): Promise<SectionFrontPage | null> {
  const target = findSection(await getSectionTree(temp.db), segments);
  if (!target) throw new Error(`no section ${segments.join("/")}`);
  return getSectionFront(temp.db, target, before, now);
}

/** Every page of a front, following the "older" links from the first page. */
async function allPages(segments: string[], now = NOW): Promise<SectionFrontPage[]> {
  const pages: SectionFrontPage[] = [];
  let page = await front(segments, null, now);
  while (page) {
    pages.push(page);
    if (pages.length > 50) throw new Error("the older links loop");
    page = page.older ? await front(segments, page.older.before, now) : null;
  }
  return pages;
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
  it("pages a subsection of 45 stories as 20, 20 and 5, linked newer and older", async () => {
    expect(FRONT_PAGE_SIZE).toBe(20);
    const pages = await allPages(["topics", "weekender"]);
    expect(pages.map((p) => p.articles.length)).toEqual([20, 20, 5]);
    const [first, second, third] = pages;
    // Each older page starts after the last story of the page before it.
    expect(first?.before).toBeNull();
    expect(second?.before).toBe(first?.articles.at(-1)?.id);
    expect(third?.before).toBe(second?.articles.at(-1)?.id);
    expect(pages.map((p) => p.newer)).toEqual([null, { before: null }, { before: second?.before }]);
    expect(third?.older).toBeNull();
    for (const p of pages) {
      expect(p.section.slug).toBe("weekender");
      expect(p.parent?.slug).toBe("topics");
    }
  });

  it("lists newest first, ties broken by id descending", async () => {
    const listed = (await allPages(["topics", "weekender"])).flatMap((p) =>
      p.articles.map((a) => a.id),
    );
    expect(listed).toEqual(weekenderOrder());
    // Day 14 (Jan 15) holds stories 2, 17 and 32; the last imported comes first.
    expect(listed.slice(0, 3)).toEqual([idOf("w-32"), idOf("w-17"), idOf("w-02")]);
    // Day 0 (Jan 1) holds stories 15, 30 and 45: they close the last page.
    expect(listed.slice(-3)).toEqual([idOf("w-45"), idOf("w-30"), idOf("w-15")]);
    const first = (await front(["topics", "weekender"], null))?.articles[0];
    expect(first?.publishedAt).toBe("2024-01-15T10:00:00.000Z");
    expect(first?.path).toBe(`/article/${idOf("w-32")}/headline-w-32`);
    expect(first?.section.path).toBe("/topics/weekender");
    expect(first?.topSection.path).toBe("/topics");
  });

  it("pages through stories that share a publication time without losing or repeating one", async () => {
    // Cursor right after w-17, whose neighbour w-02 has the same time (Jan 15, 10:00).
    const page = await front(["topics", "weekender"], idOf("w-17"));
    const order = weekenderOrder();
    expect(page?.articles.map((a) => a.id)).toEqual(order.slice(2, 22));
    // Its newer page is the first page: only two stories are newer than the cursor's page.
    expect(page?.newer).toEqual({ before: null });
  });

  it("links a deep page's newer page to the 20 stories just above it", async () => {
    const order = weekenderOrder();
    const page = await front(["topics", "weekender"], order[29] ?? 0);
    expect(page?.articles.map((a) => a.id)).toEqual(order.slice(30, 45));
    const newer = await front(["topics", "weekender"], page?.newer?.before ?? null);
    expect(newer?.articles.map((a) => a.id)).toEqual(order.slice(10, 30));
  });

  it("returns null for a cursor that is not a public story of this front", async () => {
    for (const before of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 9_999_999]) {
      expect(await front(["topics", "weekender"], before)).toBeNull();
    }
    // A draft, a story of another front, and a story not yet due.
    expect(await front(["topics", "weekender"], idOf("w-draft"))).toBeNull();
    expect(await front(["topics", "weekender"], idOf("t-sis-1"))).toBeNull();
    expect(await front(["topics", "weekender"], idOf("w-future"))).toBeNull();
    // A withdrawn story still marks its place.
    const order = weekenderOrder();
    const before = await front(["topics", "weekender"], order[19] ?? 0);
    await temp.db
      .updateTable("articles")
      .set({ withdrawn_at: NOW })
      .where("id", "=", order[19] ?? 0)
      .execute();
    try {
      const after = await front(["topics", "weekender"], order[19] ?? 0);
      expect(after?.articles.map((a) => a.id)).toEqual(before?.articles.map((a) => a.id));
    } finally {
      await temp.db
        .updateTable("articles")
        .set({ withdrawn_at: null })
        .where("id", "=", order[19] ?? 0)
        .execute();
    }
    // A subsection's story is a valid cursor on its top-level front.
    expect(await front(["topics"], idOf("t-sis-1"))).not.toBeNull();
  });

  it("includes the subsections' stories on a top-level section front", async () => {
    const pages = await allPages(["topics"]);
    expect(pages.map((p) => p.articles.length)).toEqual([20, 20, 8]);
    expect(pages[0]?.section.slug).toBe("topics");
    expect(pages[0]?.parent).toBeNull();
    const listed = pages.flatMap((p) => p.articles.map((a) => a.id));
    expect(listed).toEqual([
      idOf("t-top-2"),
      idOf("t-top-1"),
      ...weekenderOrder(),
      idOf("t-sis-1"),
    ]);
  });

  it("gives an empty section an empty first page with no links", async () => {
    for (const segments of [["english-eye"], ["english-eye", "podcast"]]) {
      const page = await front(segments, null);
      expect(page?.articles).toEqual([]);
      expect(page?.newer).toBeNull();
      expect(page?.older).toBeNull();
    }
  });

  it("never shows drafts, scheduled stories or stories published in the future", async () => {
    const hidden = ["w-draft", "w-future", "w-scheduled", "t-sis-draft"].map(idOf);
    for (const segments of [["topics"], ["topics", "weekender"], ["topics", "sis"]]) {
      for (const page of await allPages(segments))
        for (const article of page.articles) expect(hidden).not.toContain(article.id);
    }
    const sis = await front(["topics", "sis"], null);
    expect(sis?.articles.map((a) => a.id)).toEqual([idOf("t-sis-1")]);
  });

  it("shows a published or scheduled story once its publication time has passed", async () => {
    const count = async (now: string) =>
      (await allPages(["topics", "weekender"], now)).reduce((n, p) => n + p.articles.length, 0);
    const later = await front(["topics", "weekender"], null, "2024-07-01T00:00:00.000Z");
    expect(later?.articles.slice(0, 2).map((a) => a.id)).toEqual([
      idOf("w-future"),
      idOf("w-scheduled"),
    ]);
    expect(await count("2024-07-01T00:00:00.000Z")).toBe(47);
    expect(await count("2024-06-30T23:59:59.999Z")).toBe(46);
    expect(await count("2024-06-14T23:59:59.999Z")).toBe(45);
  });
});
