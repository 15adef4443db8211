import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb, importAll, makeRecord, type TempDb } from "../../test-support/temp-db";
import type { IndexQuery } from "../../sql/search/search-index";
import {
  choosePlan,
  expectedShare,
  headlineStartPlan,
  lexemeStats,
  withPlan,
  type LexemeStats,
} from "./plan";
import { tsvectorSearchIndex } from "./search-index";
import { searchQuery } from "./tsquery";

const withPostgres = (process.env.HERALD_TEST_DATABASES ?? "sqlite,postgres")
  .split(",")
  .includes("postgres");

const words = (...tokens: string[]): IndexQuery => ({
  terms: tokens.map((t) => ({ tokens: [t], prefix: false })),
  sections: null,
  dates: null,
});

describe("expectedShare", () => {
  const stats: LexemeStats = {
    shares: new Map([
      ["the", 0.9],
      ["minister", 0.2],
      ["\uE000s3", 0.1],
      ["\uE000s4", 0.05],
    ]),
    headlineShares: new Map([
      ["the", 0.4],
      ["capital", 0.005],
    ]),
    rows: 1_000_000,
  };

  it("multiplies the shares of every word and filter, a filter's alternatives added up", () => {
    expect(expectedShare(words("the"), stats)).toBeCloseTo(0.9);
    expect(expectedShare(words("the", "minister"), stats)).toBeCloseTo(0.18);
    expect(
      expectedShare({ ...words("minister"), sections: ["\uE000s3", "\uE000s4"] }, stats),
    ).toBeCloseTo(0.03);
  });

  it("counts a word the statistics do not list as rare, and a prefix as the listed words it starts", () => {
    expect(expectedShare(words("zebra"), stats)).toBe(0);
    expect(expectedShare(words("the", "zebra"), stats)).toBe(0);
    const prefix = (token: string): IndexQuery => ({
      terms: [{ tokens: [token], prefix: true }],
      sections: null,
      dates: null,
    });
    expect(expectedShare(prefix("mini"), stats)).toBeCloseTo(0.2);
    expect(expectedShare(prefix("th"), stats)).toBeCloseTo(0.9);
    expect(expectedShare(prefix("zz"), stats)).toBe(0);
  });

  it("takes a phrase to match a tenth of the stories holding its words", () => {
    const phrase: IndexQuery = {
      terms: [{ tokens: ["the", "minister"], prefix: false }],
      sections: null,
      dates: null,
    };
    expect(expectedShare(phrase, stats)).toBeCloseTo(0.018);
  });

  it("walks for a headline start only when many headlines hold the words", () => {
    expect(headlineStartPlan(["the"], stats, 50)).toBe("walk");
    expect(headlineStartPlan(["capital"], stats, 50)).toBe("bitmap");
    expect(headlineStartPlan(["the", "zebra"], stats, 50)).toBe("bitmap");
  });

  it("counts a date filter as rare: walking to an older year reads every newer story first", () => {
    expect(expectedShare({ ...words("the"), dates: ["\uE000y2015"] }, stats)).toBe(0);
  });
});

describe("choosePlan", () => {
  it("walks the newest stories only for a query most of them match, at a million", () => {
    expect(choosePlan(0.9, 1_000_000, 550)).toBe("walk");
    expect(choosePlan(0.1, 1_000_000, 550)).toBe("walk");
    expect(choosePlan(0.03, 1_000_000, 550)).toBe("bitmap");
    expect(choosePlan(0, 1_000_000, 550)).toBe("bitmap");
  });

  it("costs a phrase's GIN reads as the walk's, since GIN reads each candidate's vector too", () => {
    expect(choosePlan(0.03, 1_000_000, 200, false)).toBe("bitmap");
    expect(choosePlan(0.03, 1_000_000, 200, true)).toBe("walk");
    expect(choosePlan(0.005, 1_000_000, 200, true)).toBe("bitmap");
  });

  it("reads GIN on a small table, and when there are no statistics", () => {
    expect(choosePlan(0.1, 50_000, 550)).toBe("bitmap");
    expect(choosePlan(0.5, 0, 550)).toBe("bitmap");
  });
});

describe.skipIf(!withPostgres)("plans on PostgreSQL", () => {
  let temp: TempDb;
  beforeAll(async () => {
    temp = await createTempDb({ backend: "postgres", seed: true });
    // Beside the 326 seeded stories, 300: every one says "planword", one in ten "tenthword", one
    // "onlyword".
    await importAll(
      temp.db,
      Array.from({ length: 300 }, (_, i) =>
        makeRecord(`plan-${i}`, {
          headline: `Planword story ${i}`,
          body: [
            `The planword ${i % 10 === 0 ? "tenthword" : "quay"} ${i === 7 ? "onlyword" : ""}.`,
          ],
        }),
      ),
    );
    await sql`analyze article_search`.execute(temp.db);
  });
  afterAll(async () => {
    await temp.destroy();
  });

  const planText = async (plan: "walk" | "bitmap", query: IndexQuery) =>
    withPlan(temp.db, plan, async (trx) => {
      const { rows } = await sql<{ "QUERY PLAN": string }>`explain select article_id from
        article_search where document @@ ${searchQuery(query)}::tsquery
        order by article_id desc limit 20`.execute(trx);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });

  it("reads each word's share of stories from the planner's statistics", async () => {
    const stats = await lexemeStats(temp.db);
    expect(stats.rows).toBeGreaterThanOrEqual(300);
    expect(stats.shares.get("planword")).toBeCloseTo(300 / stats.rows, 2);
    expect(stats.shares.get("tenthword")).toBeCloseTo(30 / stats.rows, 2);
    expect(stats.headlineShares.get("planword")).toBeCloseTo(300 / stats.rows, 2);
    expect(stats.headlineShares.has("tenthword")).toBe(false);
  });

  it("holds the planner to the plan it is given, and both find the same stories", async () => {
    expect(await planText("bitmap", words("planword"))).toMatch(
      /Bitmap Index Scan on article_search_document/,
    );
    expect(await planText("walk", words("onlyword"))).toMatch(
      /Index Scan Backward using article_search_pkey/,
    );
    for (const query of [words("planword"), words("tenthword"), words("onlyword")]) {
      const found = await Promise.all(
        (["walk", "bitmap"] as const).map((plan) =>
          withPlan(temp.db, plan, (trx) =>
            sql<{ id: number }>`select article_id as id from article_search
              where document @@ ${searchQuery(query)}::tsquery order by article_id desc limit 20`
              .execute(trx)
              .then((r) => r.rows.map((row) => row.id)),
          ),
        ),
      );
      expect(found[0]).toEqual(found[1]);
      expect(found[0]!.length).toBeGreaterThan(0);
      expect(await tsvectorSearchIndex.matchingIds(temp.db, query, 20, null)).toEqual(found[0]);
    }
  });

  it("in a caller's transaction, keeps the query's own error and the caller's settings", async () => {
    await expect(
      temp.db.transaction().execute((trx) =>
        withPlan(trx, "walk", async (t) => {
          await sql`select 1 / 0`.execute(t);
        }),
      ),
    ).rejects.toThrow(/division by zero/);
    const after = await temp.db.transaction().execute(async (trx) => {
      await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx);
      await withPlan(trx, "walk", async () => undefined);
      const { rows } = await sql<{ b: string; s: string }>`select
        current_setting('enable_bitmapscan') as b, current_setting('enable_seqscan') as s`.execute(
        trx,
      );
      return rows[0];
    });
    expect(after).toEqual({ b: "on", s: "off" });
  });

  it("reads the statistics of the table it queries, whatever schema comes first", async () => {
    await sql`create schema if not exists postgres`.execute(temp.db);
    try {
      const shares = await temp.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(trx);
        expect(rows[0]?.s).toBe("postgres");
        return (await lexemeStats(trx)).shares.size;
      });
      expect(shares).toBeGreaterThan(0);
    } finally {
      await sql`drop schema postgres`.execute(temp.db);
    }
  });
});
