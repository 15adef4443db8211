import { sql } from "kysely";
import type { DB } from "../sql/db";
import { appliedMigrations } from "../sql/store";

/**
 * A copy that must not start (a side not set up, a target that holds content): nothing was
 * written. `npm run copy-database` exits with status 1 on it (2 is for other failures).
 */
export class CopyRefusedError extends Error {
  override name = "CopyRefusedError";
}

/**
 * Throws CopyRefusedError unless `db` (named `name` in the message) has applied exactly the
 * migrations `expected` (this checkout's list for its backend): with some pending, the schemas
 * differ and the copy would drop or refuse columns; with some this checkout does not know, the
 * database was set up by a newer Herald, whose tables this copy may not know. `setup` says how
 * to set it up, for the message.
 */
export async function assertSetUp(
  db: DB,
  expected: readonly string[],
  name: string,
  setup: string,
): Promise<void> {
  const applied = new Set((await appliedMigrations(db)).map((row) => row.name));
  const pending = expected.filter((migration) => !applied.has(migration));
  if (pending.length > 0)
    throw new CopyRefusedError(
      `${name} is not set up (${pending.length} migration(s) pending, from ${pending[0]}). ` +
        `Run ${setup} first, then copy again.`,
    );
  const unknown = [...applied].filter((migration) => !expected.includes(migration));
  if (unknown.length > 0)
    throw new CopyRefusedError(
      `${name} has migrations this version of Herald does not know (${unknown.join(", ")}): ` +
        `copy with the version that set it up.`,
    );
}

/** Of `tables`, those that hold at least one row, in the order given. */
export async function tablesWithRows(db: DB, tables: readonly string[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{
      one: number;
    }>`select 1 as one from ${sql.table(table)} limit 1`.execute(db);
    if (rows.length > 0) filled.push(table);
  }
  return filled;
}

/** The number of rows of each of `tables`, by name. */
export async function countRowsOf(db: DB, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts.set(table, Number(rows[0]?.n ?? 0));
  }
  return counts;
}
