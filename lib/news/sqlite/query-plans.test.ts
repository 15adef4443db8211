import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "./connection";
import type { Database } from "../sql/schema";
import { createTempDb, importAll, makeRecord, type TempDb } from "../test-support/temp-db";
import {
  getLatest,
  getRelatedArticles,
  getArticleById,
  getTopStoriesBySection,
} from "../sql/queries/articles";
import { getLatestRail } from "../sql/queries/most-popular";
import { getSectionFront } from "../sql/queries/section-front";
import { findSection, getSectionTree } from "../sql/queries/sections";

/**
 * The reader-facing queries must stay fast at a million articles: each read of `articles` is an
 * index search (the partial indexes of migration 0005, which SQLite uses only when a query
 * repeats their condition word for word, see isPublic), never a scan of the table or a sort of
 * its rows. This runs every query of the section front, home and rails through SQLite's
 * EXPLAIN QUERY PLAN.
 */
const NOW = "2024-06-01T12:00:00.000Z";
let temp: TempDb;
let sqlite: SQLite.Database;
let traced: DB;
const queries: CompiledQuery[] = [];

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
  await importAll(
    temp.db,
    Array.from({ length: 30 }, (_, i) =>
      makeRecord(`p-${i}`, {
        section: "national/politics",
        published: `2024-01-${String(i + 1).padStart(2, "0")}`,
      }),
    ),
  );
  sqlite = new SQLite(temp.file);
  traced = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") queries.push(event.query);
    },
  });
});
afterAll(async () => {
  await traced.destroy();
  await temp.destroy();
});

/** The plan of every query run by `read`, as "detail" lines of EXPLAIN QUERY PLAN. */
async function plansOf(
  read: (db: DB) => Promise<unknown>,
): Promise<Array<{ sql: string; plan: string[] }>> {
  queries.length = 0;
  await read(traced);
  return queries.map((q) => ({
    sql: q.sql,
    plan: (
      sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{
        detail: string;
      }>
    ).map((row) => row.detail),
  }));
}

function expectIndexedReads(plans: Array<{ sql: string; plan: string[] }>) {
  expect(plans.length).toBeGreaterThan(0);
  for (const { sql, plan } of plans) {
    if (!/from "articles"/.test(sql)) continue;
    const context = `${sql}\n${plan.join("\n")}`;
    expect(
      plan.some((d) => /^SCAN a\b/.test(d)),
      context,
    ).toBe(false);
    expect(
      plan.some((d) => /TEMP B-TREE/.test(d)),
      context,
    ).toBe(false);
  }
}

describe("query plans at scale", () => {
  it("section fronts (first page, a cursor page, a top-level front) search the partial index", async () => {
    const tree = await getSectionTree(temp.db);
    const politics = findSection(tree, ["national", "politics"])!;
    const national = findSection(tree, ["national"])!;
    const first = await getSectionFront(temp.db, politics, null, NOW);
    const cursor = first?.older?.before ?? null;
    expect(cursor).not.toBeNull();
    const plans = await plansOf(async (db) => {
      await getSectionFront(db, politics, null, NOW);
      await getSectionFront(db, politics, cursor, NOW);
      await getSectionFront(db, national, cursor, NOW);
    });
    expectIndexedReads(plans);
    expect(plans.some((p) => p.plan.some((d) => d.includes("articles_public_section")))).toBe(true);
  });

  it("latest stories, the home page's sections and the LATEST rail read the index in order", async () => {
    const tree = await getSectionTree(temp.db);
    const plans = await plansOf(async (db) => {
      await getLatest(db, 10, NOW);
      await getLatestRail(db, 10, NOW);
      await getTopStoriesBySection(db, tree, 4, NOW);
    });
    expectIndexedReads(plans);
    expect(plans.some((p) => p.plan.some((d) => d.includes("articles_public ")))).toBe(true);
  });

  it("an article and its related stories are index reads", async () => {
    const article = await getArticleById(temp.db, 2, NOW);
    expect(article).toBeDefined();
    const plans = await plansOf(async (db) => {
      const a = await getArticleById(db, 2, NOW);
      await getRelatedArticles(db, a!, 6, NOW);
    });
    expectIndexedReads(plans);
  });
});
