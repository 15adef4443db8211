import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, sql, type MigrationProvider } from "kysely";
import { migrations } from "./migrations";
import type { Database } from "../sql/schema";
import { withStatementCache } from "./statement-cache";

export type DB = Kysely<Database>;

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Opens a SQLite database file (creating its folder), in WAL mode with foreign keys on,
 * and returns a Kysely instance over it, reusing prepared statements (lib/news/sqlite/statement-cache.ts).
 * `queryLog`: a file to append each executed query to (tests only). Does not migrate; see
 * {@link migrateToLatest}.
 */
export function openDatabase(file: string, queryLog: string | null = null): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 15000");
  sqlite.pragma("synchronous = NORMAL");
  // A 64 MB page cache (the default is 2 MB): a million-article file keeps its indexes' hot
  // pages in memory, for reads and for bulk imports alike. No memory-mapped reads: a file changed
  // under a mapping can end the process with SIGBUS (https://sqlite.org/mmap.html), where a read
  // through the page cache fails with an error the server answers with a 503 (decision 031).
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("mmap_size = 0");
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, queryLog) }),
  });
}

/**
 * Applies every pending migration in order, in one transaction that holds SQLite's write lock,
 * so several processes may run it at once. Throws the first migration error, after rolling back.
 */
export async function migrateToLatest(db: DB): Promise<string[]> {
  // Kysely takes no lock on SQLite, so hold SQLite's write lock for the whole run: a second
  // process waits (busy_timeout) and then finds nothing left to do. SQLite DDL is transactional,
  // so a failed migration leaves the file as it was. One connection: the migrator runs inside this.
  await sql`begin immediate`.execute(db);
  try {
    const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    await sql`commit`.execute(db);
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  } catch (error) {
    await sql`rollback`.execute(db).catch(() => undefined);
    throw error;
  }
}
