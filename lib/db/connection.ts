import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from "kysely";
import { readConfig } from "../config";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Opens a SQLite database file (creating its folder), in WAL mode with foreign keys on,
 * and returns a Kysely instance over it. Does not migrate; see {@link migrateToLatest}.
 */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 15000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Applies every pending migration in order. Safe to run from several processes at once
 * (Kysely's migrator takes a lock). Throws the first migration error, after rolling it back.
 */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

type Holder = { promise?: Promise<DB> };
const holder = globalThis as typeof globalThis & { __heraldDb?: Holder };

/**
 * The process-wide database: opened from HERALD_DATABASE_PATH, migrated to the latest
 * version and, when empty, loaded with the default content (unless HERALD_SEED=0).
 * The first call does that work; later calls return the same instance.
 */
export function getDb(): Promise<DB> {
  holder.__heraldDb ??= {};
  const h = holder.__heraldDb;
  h.promise ??= (async () => {
    const config = readConfig();
    const db = openDatabase(config.databasePath);
    await migrateToLatest(db);
    if (config.seedDefaultContent) {
      const { seedDefaultContent } = await import("../content/seed");
      await seedDefaultContent(db);
    }
    return db;
  })().catch((error: unknown) => {
    h.promise = undefined; // let the next request try again rather than caching the failure
    throw error;
  });
  return h.promise;
}
