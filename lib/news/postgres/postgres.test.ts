import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../config";
import { StoreUnavailableError } from "../outage";
import { createTempDb, testPostgresUrl, type TempDb } from "../test-support/temp-db";
import pg from "pg";
import { databaseUrl, dropDatabase } from "./create-database";
import { openPostgresStore } from "./store";
import { termsQuery } from "./search/tsquery";
import { migrations as sqliteMigrations } from "../sqlite/migrations";

/**
 * What only the PostgreSQL backend has: its configuration, its start check, its failures and its
 * query literals. Runs once (project `node`), when HERALD_TEST_DATABASES names PostgreSQL.
 */
const withPostgres = (process.env.HERALD_TEST_DATABASES ?? "sqlite,postgres")
  .split(",")
  .includes("postgres");

/** An environment of just these variables. */
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("HERALD_DATABASE_URL", () => {
  it("selects PostgreSQL with postgres:// or postgresql://, and refuses anything else", () => {
    expect(readConfig(env({ HERALD_DATABASE_URL: "postgres://u@h:5432/d" })).databaseUrl).toBe(
      "postgres://u@h:5432/d",
    );
    expect(readConfig(env({ HERALD_DATABASE_URL: "postgresql://h/d" })).databaseUrl).toBe(
      "postgresql://h/d",
    );
    expect(readConfig(env({})).databaseUrl).toBeNull();
    expect(() => readConfig(env({ HERALD_DATABASE_URL: "mysql://h/d" }))).toThrow(/postgres:\/\//);
    expect(() => readConfig(env({ HERALD_DATABASE_URL: "not a url" }))).toThrow();
  });
});

describe("tsquery literals", () => {
  it("quote every word, so nothing a reader types is tsquery syntax", () => {
    expect(
      termsQuery([
        { tokens: ["it's", "a\\b"], prefix: true },
        { tokens: ["x"], prefix: false },
      ]),
    ).toBe("('it''s' <-> 'a\\\\b':*) & 'x'");
  });
});

describe.skipIf(!withPostgres)("the PostgreSQL backend", () => {
  let temp: TempDb;
  beforeAll(async () => {
    temp = await createTempDb({ backend: "postgres" });
  });
  afterAll(async () => {
    await temp?.destroy();
  });

  it("passes the start check on a database with collation C", async () => {
    await expect(temp.store.checkHealth()).resolves.toBeNull();
  });

  it("notes a database whose collation is not C, naming it without its password", async () => {
    const name = `herald_test_${randomBytes(6).toString("hex")}`;
    const server = testPostgresUrl();
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(
        `create database "${name}" template template0 lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
      );
    } finally {
      await admin.end();
    }
    const url = new URL(databaseUrl(server, name));
    url.password = "hunter2";
    const store = openPostgresStore(url.toString());
    try {
      await store.migrate();
      const note = await store.checkHealth();
      expect(note).toMatch(/collation "C\.UTF-8", not "C"/);
      expect(note).toContain(name);
      expect(note).not.toContain("hunter2");
    } finally {
      await store.close();
      await dropDatabase(server, name);
    }
  });

  it("answers a missing database with StoreUnavailableError, never a crash", async () => {
    const store = openPostgresStore(databaseUrl(testPostgresUrl(), "herald_test_missing_db"));
    try {
      await expect(store.schemaStatus()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.checkHealth()).rejects.toThrow(/herald_test_missing_db.*does not exist/);
    } finally {
      await store.close();
    }
  });

  it("counts schema versions by the same migration names as SQLite", async () => {
    await expect(temp.store.schemaStatus()).resolves.toEqual({ pending: [] });
    const { rows } = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(temp.db);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(sqliteMigrations).sort());
    expect(rows.map((r) => r.name)).toContain("0007-author-profiles");
  });
});
