import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS, createTempDb, shiftIso, type TempDb, idLookup } from "../../test-support/temp-db";
import { PHOTO_FILE, SITEMAP_NOW, createSitemapSite } from "../../test-support/sitemap-site";
import {
  getArticleSitemapFiles,
  getArticleSitemapPart,
  getNewsSitemapArticles,
  getSitemapFronts,
  kstMonthOf,
  kstMonthRange,
} from "./sitemaps";

let temp: TempDb;
let ids: Map<string, number>;

beforeAll(async () => {
  temp = await createTempDb({ inMemory: true });
  ids = await createSitemapSite(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});

const idOf = idLookup(() => ids);

describe("KST months", () => {
  it("puts an instant in its Korean calendar month", () => {
    expect(kstMonthOf("2020-02-29T14:59:59.000Z")).toBe("2020-02");
    expect(kstMonthOf("2020-02-29T15:00:00.000Z")).toBe("2020-03");
    expect(kstMonthOf("2020-03-31T15:00:00.000Z")).toBe("2020-04");
  });

  it("gives a month's range as UTC instants (and December rolls into January)", () => {
    expect(kstMonthRange("2020-03")).toEqual({
      start: "2020-02-29T15:00:00.000Z",
      end: "2020-03-31T15:00:00.000Z",
    });
    expect(kstMonthRange("2019-12").end).toBe("2019-12-31T15:00:00.000Z");
  });
});

describe("getNewsSitemapArticles", () => {
  it("lists only public stories of the last 2 days, newest first: 47 h in, 49 h out", async () => {
    const news = await getNewsSitemapArticles(temp.db, SITEMAP_NOW);
    expect(news.map((a) => a.id)).toEqual(["due", "hostile", "ctrl", "h47"].map(idOf));
    const ids = news.map((a) => a.id);
    for (const out of ["h49", "draft", "future", "later"]) expect(ids).not.toContain(idOf(out));
  });

  it("gives each story's canonical path, times and percent-encoded photo path", async () => {
    const h47 = (await getNewsSitemapArticles(temp.db, SITEMAP_NOW)).at(-1);
    expect(h47).toEqual({
      id: idOf("h47"),
      path: `/article/${idOf("h47")}/headline-h47`,
      headline: "Headline h47",
      publishedAt: shiftIso(SITEMAP_NOW, -47 * HOUR_MS),
      updatedAt: shiftIso(SITEMAP_NOW, -1 * HOUR_MS),
      imagePath: `/images/photos/${encodeURIComponent(PHOTO_FILE)}`,
    });
    expect(h47?.imagePath).toBe("/images/photos/bison%20herd.jpg");
  });

  it("keeps at most `limit` stories, the newest", async () => {
    const news = await getNewsSitemapArticles(temp.db, SITEMAP_NOW, { limit: 2 });
    expect(news.map((a) => a.id)).toEqual([idOf("due"), idOf("hostile")]);
  });

  it("is empty when nothing was published in the window", async () => {
    expect(await getNewsSitemapArticles(temp.db, "2024-07-01T00:00:00.000Z")).toEqual([]);
  });

  it("lets scheduled stories in once their time has come", async () => {
    const later = shiftIso(SITEMAP_NOW, 6 * HOUR_MS);
    const news = await getNewsSitemapArticles(temp.db, later);
    expect(news.map((a) => a.id).slice(0, 2)).toEqual([idOf("later"), idOf("future")]);
  });
});

describe("getArticleSitemapFiles", () => {
  it("lists one file per KST month with public stories, newest month first", async () => {
    const files = await getArticleSitemapFiles(temp.db, SITEMAP_NOW);
    expect(files.map((f) => [f.month, f.part, f.count])).toEqual([
      ["2024-06", 1, 3],
      ["2024-05", 1, 2],
      ["2020-04", 1, 1],
      ["2020-03", 1, 5],
      ["2020-02", 1, 1],
    ]);
    // The latest update among the month's stories (m3 was updated in May 2020).
    expect(files.find((f) => f.month === "2020-03")?.lastmod).toBe("2020-05-01T00:00:00.000Z");
  });

  it("splits a month at the limit: 5 stories, limit 2 → 3 files of 2, 2 and 1", async () => {
    const files = await getArticleSitemapFiles(temp.db, SITEMAP_NOW, 2);
    expect(files.filter((f) => f.month === "2020-03").map((f) => [f.part, f.count])).toEqual([
      [1, 2],
      [2, 2],
      [3, 1],
    ]);
    expect(files.find((f) => f.month === "2020-03" && f.part === 2)?.lastmod).toBe(
      "2020-05-01T00:00:00.000Z",
    );
    const parts = await Promise.all(
      [1, 2, 3, 4].map((part) =>
        getArticleSitemapPart(temp.db, { month: "2020-03", part }, SITEMAP_NOW, 2),
      ),
    );
    expect(parts.map((p) => p?.map((a) => a.id) ?? null)).toEqual([
      [idOf("m1"), idOf("m2")],
      [idOf("m3"), idOf("m4")],
      [idOf("m5")],
      null,
    ]);
  });

  it("does not split a month of exactly the limit", async () => {
    const files = await getArticleSitemapFiles(temp.db, SITEMAP_NOW, 5);
    expect(files.filter((f) => f.month === "2020-03").map((f) => f.count)).toEqual([5]);
  });

  it("rejects a limit outside 1-50,000 and a clock that is not a date", async () => {
    await expect(getArticleSitemapFiles(temp.db, SITEMAP_NOW, 0)).rejects.toThrow(RangeError);
    await expect(getArticleSitemapFiles(temp.db, SITEMAP_NOW, 50_001)).rejects.toThrow(RangeError);
    await expect(getArticleSitemapFiles(temp.db, "soon")).rejects.toThrow(RangeError);
  });
});

describe("getArticleSitemapPart", () => {
  it("holds the month's public stories in KST, oldest first, drafts left out", async () => {
    const march = await getArticleSitemapPart(temp.db, { month: "2020-03", part: 1 }, SITEMAP_NOW);
    expect(march?.map((a) => a.id)).toEqual(["m1", "m2", "m3", "m4", "m5"].map(idOf));
  });

  it("is null for a month without public stories and for a part past the last", async () => {
    expect(
      await getArticleSitemapPart(temp.db, { month: "2021-01", part: 1 }, SITEMAP_NOW),
    ).toBeNull();
    expect(
      await getArticleSitemapPart(temp.db, { month: "2020-03", part: 2 }, SITEMAP_NOW),
    ).toBeNull();
  });

  it("never lists a story before its time", async () => {
    const june = await getArticleSitemapPart(temp.db, { month: "2024-06", part: 1 }, SITEMAP_NOW);
    expect(june?.map((a) => a.id)).toEqual(["ctrl", "hostile", "due"].map(idOf));
  });
});

describe("getSitemapFronts", () => {
  it("lists home and every front in menu order with the last update of what it shows", async () => {
    // The draft (30 min old) and the future stories in "news" do not count.
    const fronts = await getSitemapFronts(temp.db, SITEMAP_NOW);
    const h1 = shiftIso(SITEMAP_NOW, -HOUR_MS);
    const h4 = shiftIso(SITEMAP_NOW, -4 * HOUR_MS);
    expect(fronts).toEqual([
      { path: "/", lastmod: h1 },
      { path: "/news", lastmod: h1 },
      { path: "/news/world", lastmod: h1 },
      { path: "/news/tech", lastmod: h4 },
      { path: "/opinion", lastmod: null },
    ]);
  });
});
