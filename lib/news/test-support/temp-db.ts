import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type { NewsStore } from "../store";
import { dialectOf, type DB } from "../sql/db";
import { importJsonLines, type ImportReport } from "../sql/import/import-articles";
import type { BatchIndexer } from "../sql/search/document";
import type { SearchIndex } from "../sql/search/search-index";
import { seedDefaultContent } from "../sql/seed";
import { migratePostgres, openPostgres } from "../postgres/connection";
import { createDatabase, dropDatabase } from "../postgres/create-database";
import { indexBatch as postgresIndexBatch } from "../postgres/search/index-write";
import { tsvectorSearchIndex } from "../postgres/search/search-index";
import { postgresStore } from "../postgres/store";
import { migrateToLatest, openDatabase } from "../sqlite/connection";
import { ftsSearchIndex } from "../sqlite/search/fts";
import { withBulkSearchIndex } from "../sqlite/search/index-sync";
import { sqliteStore } from "../sqlite/store";

/**
 * The data-layer tests' databases, on the backend this test run is for: HERALD_TEST_DATABASE
 * ("sqlite", the default, or "postgres"), set per Vitest project (vitest.config.ts runs the
 * data tests once per database named in HERALD_TEST_DATABASES). On PostgreSQL each database is
 * a new one (`herald_test_<random>`, collation C) on the server of HERALD_TEST_POSTGRES_URL
 * (default postgres://postgres@127.0.0.1:5432/test), dropped by `destroy()`.
 */

export type Backend = "sqlite" | "postgres";

/** The backend of this test run (HERALD_TEST_DATABASE). */
export function testBackend(): Backend {
  return process.env.HERALD_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

/** The PostgreSQL server the tests create their databases on. */
export function testPostgresUrl(): string {
  return process.env.HERALD_TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";
}

/** A database for one test file: a fresh SQLite file, or a fresh PostgreSQL database. */
export type TempDb = {
  db: DB;
  backend: Backend;
  /** The SQLite file (":memory:" for an in-memory database), or the PostgreSQL database's URL. */
  file: string;
  /** The backend's full-text index (for searchArticles and suggestArticles). */
  search: SearchIndex;
  /** The store over `db`, as the backend makes it (not guarded: storage errors pass as they are). */
  store: NewsStore;
  /** Closes the database and deletes it. */
  destroy: () => Promise<void>;
};

/** A unique path for a database file in the OS temp folder; nothing is created. */
export function tempDbPath(): string {
  return path.join(os.tmpdir(), `herald-test-${process.pid}-${randomUUID()}.db`);
}

/** How the backend of `db` indexes an import batch. */
export function indexerFor(db: DB): BatchIndexer {
  return dialectOf(db) === "postgres" ? postgresIndexBatch : withBulkSearchIndex;
}

/** The full-text index of the backend of `db`. */
export function searchIndexFor(db: DB): SearchIndex {
  return dialectOf(db) === "postgres" ? tsvectorSearchIndex : ftsSearchIndex;
}

/**
 * Opens a new, empty database on this run's backend (a temporary SQLite file, or in memory; a
 * new PostgreSQL database), migrates it to the latest version and, with `seed: true`, loads the
 * default content from ./content (the repo root is the working directory under vitest). Call
 * `destroy()` in afterAll. `backend` overrides the run's (a test of both at once).
 */
export async function createTempDb(
  options: { seed?: boolean; inMemory?: boolean; migrate?: boolean; backend?: Backend } = {},
): Promise<TempDb> {
  const temp =
    (options.backend ?? testBackend()) === "postgres"
      ? await openTempPostgres(options.migrate !== false)
      : await openTempSqlite(options.inMemory === true, options.migrate !== false);
  if (options.seed) {
    const report = await seedDefaultContent(temp.db, indexerFor(temp.db));
    if (!report || report.skipped.length > 0) {
      await temp.destroy();
      throw new Error(`seeding the test database failed: ${JSON.stringify(report)}`);
    }
  }
  return temp;
}

async function openTempSqlite(inMemory: boolean, migrate: boolean): Promise<TempDb> {
  const file = inMemory ? ":memory:" : tempDbPath();
  const db = openDatabase(file);
  if (migrate) await migrateToLatest(db);
  return {
    db,
    backend: "sqlite",
    file,
    search: ftsSearchIndex,
    store: sqliteStore(db, file),
    destroy: async () => {
      await db.destroy();
      if (file !== ":memory:") {
        for (const suffix of ["", "-wal", "-shm", "-journal"])
          fs.rmSync(file + suffix, { force: true });
      }
    },
  };
}

async function openTempPostgres(migrate: boolean): Promise<TempDb> {
  const server = testPostgresUrl();
  const name = `herald_test_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(server, name);
  const db = openPostgres(url, 4);
  const destroy = async () => {
    await db.destroy();
    await dropDatabase(server, name);
  };
  try {
    if (migrate) await migratePostgres(db);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    db,
    backend: "postgres",
    file: url,
    search: tsvectorSearchIndex,
    store: postgresStore(db, url),
    destroy,
  };
}

/** Adds a section (top-level, or under the top-level section `parentSlug`) and returns its id. */
export async function addSection(
  db: DB,
  slug: string,
  options: { name?: string; parentSlug?: string; position?: number } = {},
): Promise<number> {
  let parentId: number | null = null;
  if (options.parentSlug !== undefined) {
    const parent = await db
      .selectFrom("sections")
      .select("id")
      .where("slug", "=", options.parentSlug)
      .where("parent_id", "is", null)
      .executeTakeFirstOrThrow();
    parentId = parent.id;
  }
  const row = await db
    .insertInto("sections")
    .values({
      slug,
      name: options.name ?? slug,
      parent_id: parentId,
      position: options.position ?? 0,
      legacy_code: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One record of the JSON Lines import format, as an object (see lib/import/record.ts). */
export type RecordInput = Record<string, unknown> & { id: string };

/** A valid import record with the given id and fields; defaults fill in the rest. */
export function makeRecord(id: string, fields: Record<string, unknown> = {}): RecordInput {
  return {
    id,
    headline: `Headline ${id}`,
    published: "2020-01-01T00:00:00Z",
    body: [`Body of ${id}. It has a first sentence that is long enough to be a summary.`],
    section: "national",
    ...fields,
  };
}

/** Imports records (one JSON line each) and returns the importer's report. */
export function importRecords(db: DB, records: readonly RecordInput[]): Promise<ImportReport> {
  return importJsonLines(
    db,
    indexerFor(db),
    records.map((r) => JSON.stringify(r)),
  );
}

/** Imports records and throws unless every one of them was imported. */
export async function importAll(db: DB, records: readonly RecordInput[]): Promise<ImportReport> {
  const report = await importRecords(db, records);
  if (report.skipped.length > 0) {
    throw new Error(`records skipped: ${JSON.stringify(report.skipped)}`);
  }
  return report;
}

/** Maps import ids (external_id) to article ids. */
export async function articleIdsByExternalId(db: DB): Promise<Map<string, number>> {
  const rows = await db.selectFrom("articles").select(["id", "external_id"]).execute();
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

/** The number of rows in a table. */
export async function countRows(
  db: DB,
  table:
    | "articles"
    | "authors"
    | "tags"
    | "article_tags"
    | "article_authors"
    | "page_views"
    | "sections",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An ISO 8601 UTC instant `ms` milliseconds after (or, negative, before) `iso`. */
export function shiftIso(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A small site for rail and page-view tests: one section "news" holding 15 public stories
 * s01…s15 (s01 oldest, published Jan 1…15 2024), plus a draft ("draft", May 31 2024) and a
 * story published in the future ("future", Jul 1 2024). Returns article ids by import id.
 */
export async function createSmallSite(db: DB): Promise<Map<string, number>> {
  await addSection(db, "news", { name: "News" });
  const pad = (n: number) => String(n).padStart(2, "0");
  await importAll(db, [
    ...Array.from({ length: 15 }, (_, k) =>
      makeRecord(`s${pad(k + 1)}`, {
        section: "news",
        published: `2024-01-${pad(k + 1)}T09:00:00Z`,
      }),
    ),
    makeRecord("draft", { section: "news", published: "2024-05-31T09:00:00Z", status: "draft" }),
    makeRecord("future", { section: "news", published: "2024-07-01T09:00:00Z" }),
  ]);
  return articleIdsByExternalId(db);
}

/** A lookup from import id to article id over `ids()` (read at call time); throws for an unknown id. */
export function idLookup(ids: () => Map<string, number>): (externalId: string) => number {
  return (externalId) => {
    const id = ids().get(externalId);
    if (id === undefined) throw new Error(`no story ${externalId}`);
    return id;
  };
}
