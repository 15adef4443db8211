import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticleById } from "./queries/articles";
import { getPublication } from "./queries/publication";
import { getSectionTree } from "./queries/sections";
import { countRows, createTempDb, indexerFor, type TempDb } from "../test-support/temp-db";
import { SEED_ARTICLE_ID, seedDefaultContent } from "./seed";
import type { ImportReport } from "./import/import-articles";

const NOW = "2030-01-01T00:00:00.000Z";

let temp: TempDb;
let report: ImportReport | null;

beforeAll(async () => {
  temp = await createTempDb();
  report = await seedDefaultContent(temp.db, indexerFor(temp.db));
});
afterAll(async () => {
  await temp.destroy();
});

describe("seedDefaultContent", () => {
  it("imports the seed article, the 325 corpus stories and the 2-story newsroom queue without skipping any", () => {
    expect(report).toEqual({ inserted: 328, updated: 0, skipped: [] });
  });

  it("stores 326 published articles, one draft and one story scheduled far ahead", async () => {
    expect(await countRows(temp.db, "articles")).toBe(328);
    const byStatus = await temp.db
      .selectFrom("articles")
      .select(["status", sql<number>`count(*)`.as("n"), sql<string>`min(published_at)`.as("first")])
      .groupBy("status")
      .orderBy("status")
      .execute();
    expect(byStatus.map((r) => [r.status, r.n])).toEqual([
      ["draft", 1],
      ["published", 326],
      ["scheduled", 1],
    ]);
    expect(byStatus.find((r) => r.status === "scheduled")?.first).toBe("2030-01-03T22:00:00.000Z");
  });

  it("creates the 9 top-level sections in the seed's order", async () => {
    const tree = await getSectionTree(temp.db);
    expect(tree.map((s) => s.name)).toEqual([
      "National",
      "Business",
      "Life&Style",
      "Entertainment",
      "Sports",
      "World",
      "Opinion",
      "English Eye",
      "Topics",
    ]);
    expect(tree.map((s) => s.slug)).toEqual([
      "national",
      "business",
      "life-style",
      "entertainment",
      "sports",
      "world",
      "opinion",
      "english-eye",
      "topics",
    ]);
    expect(tree.map((s) => s.path)).toEqual(tree.map((s) => `/${s.slug}`));
  });

  it("creates the subsections in menu order, with slugs from their names", async () => {
    const tree = await getSectionTree(temp.db);
    const children = (slug: string) =>
      tree.find((s) => s.slug === slug)?.children.map((c) => c.slug);
    expect(children("life-style")).toEqual([
      "culture",
      "travel",
      "fashion",
      "food-beverage",
      "books",
      "people",
      "expat-living",
      "arts-design",
      "health",
    ]);
    expect(children("entertainment")).toEqual([
      "film",
      "television",
      "music",
      "theater",
      "k-pop",
      "esports",
    ]);
    expect(children("sports")).toEqual(["soccer", "baseball", "golf", "more-sports"]);
    expect(tree.reduce((n, s) => n + s.children.length, 0)).toBe(45);
    expect(await countRows(temp.db, "sections")).toBe(54);
    const foodBeverage = tree
      .find((s) => s.slug === "life-style")
      ?.children.find((c) => c.slug === "food-beverage");
    expect(foodBeverage).toMatchObject({
      name: "Food & Beverage",
      path: "/life-style/food-beverage",
    });
    expect(tree.find((s) => s.slug === "national")?.legacyCode).toBe("020100000000");
  });

  it("files the seed article under National / Foreign Affairs, by Yonhap (agency)", async () => {
    const row = await temp.db
      .selectFrom("articles")
      .select(["id", "published_at", "updated_at"])
      .where("external_id", "=", SEED_ARTICLE_ID)
      .executeTakeFirstOrThrow();
    expect(row.published_at).toBe("2021-09-16T12:17:00.000Z");
    expect(row.updated_at).toBe("2021-09-16T12:17:00.000Z");

    const article = await getArticleById(temp.db, row.id, NOW);
    expect(article?.headline).toBe(
      "Diplomats of S. Korea, Japan hold talks on peninsula security, history",
    );
    expect(article?.section).toMatchObject({
      slug: "foreign-affairs",
      path: "/national/foreign-affairs",
    });
    expect(article?.topSection).toMatchObject({ slug: "national", path: "/national" });
    expect(article?.authors.map(({ name, slug, kind }) => ({ name, slug, kind }))).toEqual([
      { name: "Yonhap", slug: "yonhap", kind: "agency" },
    ]);
    expect(article?.tags.map((t) => t.name)).toEqual([
      "Japan",
      "Korea-Japan relations",
      "North Korea",
      "South Korea",
    ]);
    expect(article?.body).toHaveLength(7);
    expect(article?.leadImage).toMatchObject({ image: null, credit: "Yonhap" });
  });

  it("credits corpus stories without an author to the Wikinews collective", async () => {
    const authors = await temp.db
      .selectFrom("authors")
      .select(["name", "kind"])
      .where("name", "=", "Wikinews contributors")
      .execute();
    expect(authors).toEqual([{ name: "Wikinews contributors", kind: "collective" }]);
  });

  it("loads the publication and its links", async () => {
    const publication = await getPublication(temp.db);
    expect(publication.name).toBe("The Korea Herald");
    expect(publication.timeZone).toBe("Asia/Seoul");
    expect(publication.months[8]).toBe("Sept");
    expect(publication.registration.tel).toBe("+82-2-727-0114");
  });

  it("does nothing the second time (returns null, adds no rows)", async () => {
    const before = {
      articles: await countRows(temp.db, "articles"),
      sections: await countRows(temp.db, "sections"),
      authors: await countRows(temp.db, "authors"),
    };
    await expect(seedDefaultContent(temp.db, indexerFor(temp.db))).resolves.toBeNull();
    expect({
      articles: await countRows(temp.db, "articles"),
      sections: await countRows(temp.db, "sections"),
      authors: await countRows(temp.db, "authors"),
    }).toEqual(before);
    expect(before.articles).toBe(328);
  });
});
