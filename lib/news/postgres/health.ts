import { sql } from "kysely";
import { StoreUnavailableError } from "../outage";
import type { DB } from "../sql/db";
import { safeUrl } from "./failures";

/**
 * The start-up check of a PostgreSQL database (docs/deploy.md): it answers, can be written (not
 * a standby, not read-only), and its tables can be read. PostgreSQL checks its own pages
 * (checksums, WAL), so there is no quick_check to run. Resolves with a note for the log when the
 * database's collation is not C (names would then sort unlike on SQLite: create it with
 * lib/news/postgres/create-database.ts, or `createdb -T template0 --lc-collate=C --lc-ctype=C`),
 * or null; throws StoreUnavailableError naming the database and the reason.
 */
export async function checkPostgres(db: DB, url: string): Promise<string | null> {
  const { rows } = await sql<{
    recovery: boolean;
    read_only: string;
    collate: string;
  }>`select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as read_only,
      (select datcollate from pg_database where datname = current_database()) as collate`.execute(
    db,
  );
  const row = rows[0];
  if (!row) throw new StoreUnavailableError(`${safeUrl(url)} did not answer`);
  if (row.recovery || row.read_only === "on")
    throw new StoreUnavailableError(`${safeUrl(url)} cannot be written (read-only or a standby)`);
  await sql`select 1 from articles limit 1`.execute(db);
  return row.collate === "C"
    ? null
    : `${safeUrl(url)} has collation "${row.collate}", not "C": names sort unlike on SQLite. ` +
        "Create the database with LC_COLLATE 'C' (docs/deploy.md).";
}
