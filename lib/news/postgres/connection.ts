import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from "kysely";
import pg from "pg";
import type { DB } from "../sql/db";
import type { Database } from "../sql/schema";
import { migrations } from "./migrations";

/** PostgreSQL's type ids whose text the pool turns into numbers (https://www.postgresql.org/docs/15/catalog-pg-type.html). */
const INT8 = 20;

/**
 * Values as Herald reads them on both backends: `count(*)` and other bigints come back as numbers
 * (pg's default is a string, to keep precision past 2^53; no count or id of ours comes near).
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Opens a pool of up to `max` connections to the PostgreSQL database at `url`
 * (postgres://user@host:port/name) and returns a Kysely instance over it. Connects lazily:
 * a database that is down or missing fails the first query. Does not migrate.
 */
export function openPostgres(url: string, max = 10): DB {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart) must not end the process: the next query
  // fails instead, and the store reports it (failures.ts).
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies every pending migration in order. Kysely's migrator takes a lock on PostgreSQL (a row
 * of kysely_migration_lock, inside its transaction) and runs them in that one transaction, so
 * several processes may run it at once and a failed migration leaves the schema as it was.
 */
export async function migratePostgres(db: DB): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
