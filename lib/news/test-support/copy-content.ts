import { Migrator, sql } from "kysely";
import type { DB } from "../sql/db";
import { COPIED_TABLES } from "../copy/tables";
import { migrations as postgresMigrations } from "../postgres/migrations";
import { migrations as sqliteMigrations } from "../sqlite/migrations";
import { createTempDb, type TempDb } from "./temp-db";

/** The tests of `npm run copy-database` (lib/news/copy/): what a database holds, and databases not set up. */

/** Whether this test run has a PostgreSQL server (HERALD_TEST_DATABASES names it; both by default). */
export const withPostgres = (process.env.HERALD_TEST_DATABASES ?? "sqlite,postgres")
  .split(",")
  .includes("postgres");

/** Every row of every table the copy copies, by table, in key order. */
export async function contentOf(db: DB): Promise<Record<string, unknown[]>> {
  const content: Record<string, unknown[]> = {};
  for (const { table, key } of COPIED_TABLES) {
    const order = sql.join(key.map((column) => sql.ref(column)));
    content[table] = (
      await sql`select * from ${sql.table(table)} order by ${order}`.execute(db)
    ).rows;
  }
  return content;
}

/** A new database of `backend` migrated up to the migration `last` only; `destroy()` it after. */
export async function migratedUpTo(backend: "sqlite" | "postgres", last: string): Promise<TempDb> {
  const temp = await createTempDb({ backend, migrate: false });
  const migrations = backend === "sqlite" ? sqliteMigrations : postgresMigrations;
  const { error } = await new Migrator({
    db: temp.db,
    provider: { getMigrations: async () => migrations },
  }).migrateTo(last);
  if (error) throw error;
  return temp;
}
