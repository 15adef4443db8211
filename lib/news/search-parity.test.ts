import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchRequest } from "../search/types";
import { createTempDb, type TempDb } from "./test-support/temp-db";

/**
 * Search parity (decision 033): the same content (the default seed) gives the same stories, in
 * the same order, with the same counts, highlights and snippets, on SQLite (FTS5) and on
 * PostgreSQL (tsvector). Both databases at once, so it runs once (project `node`), and only when
 * HERALD_TEST_DATABASES names PostgreSQL (both by default).
 */
const withPostgres = (process.env.HERALD_TEST_DATABASES ?? "sqlite,postgres")
  .split(",")
  .includes("postgres");

const NOW = "2026-01-01T00:00:00.000Z";

const SEARCHES: Array<Omit<SearchRequest, "page"> & { page?: number }> = [
  { q: "korea" },
  { q: "Korea Japan" },
  { q: "president" },
  { q: "president", page: 2 },
  { q: "government" },
  { q: "police" },
  { q: "election" },
  { q: '"prime minister"' },
  { q: '"united states" president' },
  { q: "fire" },
  { q: "football" },
  { q: "seoul" },
  { q: "CAFÉ" },
  { q: "e-mail" },
  { q: "U.S." },
  { q: "2004" },
  { q: "한국" },
  { q: "north korea" },
  { q: "minister", section: "national" },
  { q: "minister", section: "world/world-news" },
  { q: "president", from: "2005-01-01", to: "2005-12-31" },
  { q: "war", from: "2006-03-01" },
  { q: "Wikinews" },
  { q: "zzzz nothing" },
  { q: '")(*NEAR' },
];

const SUGGESTIONS = ["ko", "pres", "sou", "japa", "elec", "north ko", "seoul ", "mi", "wor"];

describe.skipIf(!withPostgres)("search on SQLite and on PostgreSQL", () => {
  let sqlite: TempDb;
  let postgres: TempDb;

  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([
      createTempDb({ seed: true, backend: "sqlite" }),
      createTempDb({ seed: true, backend: "postgres" }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([sqlite?.destroy(), postgres?.destroy()]);
  });

  it.each(SEARCHES)("finds the same stories for %j", async (search) => {
    const request = { page: 1, ...search };
    const [a, b] = await Promise.all([
      sqlite.store.search(request, NOW),
      postgres.store.search(request, NOW),
    ]);
    expect(b).toEqual(a);
  });

  it("finds something for most of those searches (the comparison is not of empty lists)", async () => {
    const totals = await Promise.all(
      SEARCHES.map(async (s) => (await sqlite.store.search({ page: 1, ...s }, NOW)).total),
    );
    expect(totals.filter((n) => n > 0).length).toBeGreaterThanOrEqual(18);
  });

  it.each(SUGGESTIONS)("suggests the same stories for %j", async (q) => {
    const [a, b] = await Promise.all([
      sqlite.store.suggest(q, NOW),
      postgres.store.suggest(q, NOW),
    ]);
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(0);
  });
});
