import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importJsonLines } from "../../lib/news/sql/import/import-articles";
import { createTempDb, indexerFor, type TempDb } from "../../lib/news/test-support/temp-db";
import {
  buildVocabulary,
  createRandom,
  generateArticles,
  generatePageViews,
  publishedAt,
} from "./generator";

const vocabulary = buildVocabulary([
  "Seoul and Tokyo held talks on security in the region on Thursday.",
  "The ministry said the talks would continue next month in Seoul.",
]);
const NOW = "2026-11-29T00:00:00.000Z";
const options = {
  articles: 200,
  seed: 42,
  now: NOW,
  sections: ["national", "national/politics", "world"],
  vocabulary,
};

describe("the benchmark's generator", () => {
  it("is deterministic: the same seed gives the same articles and views", () => {
    expect([...generateArticles(options)]).toEqual([...generateArticles(options)]);
    const views = { count: 500, articles: 200, now: NOW, seed: 42 };
    expect([...generatePageViews(views)]).toEqual([...generatePageViews(views)]);
    expect([...generateArticles({ ...options, seed: 43 })]).not.toEqual([
      ...generateArticles(options),
    ]);
  });

  it("spreads articles over ten years ending now, oldest first, over every section", () => {
    const articles = [...generateArticles(options)];
    expect(articles).toHaveLength(200);
    const times = articles.map((a) => Date.parse(String(a.published)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const tenYears = 10 * 365.25 * 24 * 3_600_000;
    expect(times[0]! - (Date.parse(NOW) - tenYears)).toBeLessThan(tenYears / 100);
    expect(Date.parse(NOW) - times.at(-1)!).toBeLessThan(tenYears / 100);
    expect(new Set(articles.map((a) => a.section))).toEqual(new Set(options.sections));
    expect(publishedAt(199, 200, NOW)).toBe(times.at(-1));
  });

  it("writes copy of news length from the vocabulary's words", () => {
    for (const article of generateArticles({ ...options, articles: 20 })) {
      const words = (article.body as string[]).join(" ").split(" ").length;
      expect(words).toBeGreaterThanOrEqual(80);
      expect(words).toBeLessThanOrEqual(1_400);
      expect((article.tags as string[]).length).toBeGreaterThanOrEqual(1);
      for (const word of String(article.headline).toLowerCase().split(" "))
        expect(vocabulary.words.map((w) => w.toLowerCase())).toContain(word);
    }
  });

  it("puts most page views, within the last 30 days, on stories out by then", () => {
    const views = [...generatePageViews({ count: 2_000, articles: 200, now: NOW, seed: 1 })];
    const end = Date.parse(NOW);
    for (const v of views) {
      expect(v.viewedAt).toBeLessThanOrEqual(end);
      expect(v.viewedAt).toBeGreaterThan(end - 30 * 24 * 3_600_000);
      expect(publishedAt(v.articleIndex, 200, NOW)).toBeLessThanOrEqual(v.viewedAt);
    }
    expect(views.map((v) => v.viewedAt)).toEqual(
      views.map((v) => v.viewedAt).sort((a, b) => a - b),
    );
  });

  it("draws uniform numbers in [0, 1)", () => {
    const random = createRandom(1);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe("generated articles through the real importer", () => {
  let temp: TempDb;
  beforeAll(async () => {
    temp = await createTempDb({ seed: true });
  });
  afterAll(async () => {
    await temp.destroy();
  });

  it("imports every record without a skip", async () => {
    const lines = [...generateArticles({ ...options, articles: 50 })].map((r) => JSON.stringify(r));
    const report = await importJsonLines(temp.db, indexerFor(temp.db), lines);
    expect(report).toEqual({ inserted: 50, updated: 0, skipped: [] });
  });
});
