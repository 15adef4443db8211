import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { DB } from "../sql/db";
import { withPostgres } from "../test-support/copy-content";
import { createTempDb } from "../test-support/temp-db";
import { ACCOUNT_TABLES, DERIVED_TABLES, TABLE_PLAN } from "./tables";

/**
 * The copy knows every table the migrations make, on both backends: a new table (revisions,
 * say) fails here until lib/news/copy/tables.ts says how it moves.
 */

/** The tables the migrations made in `db`, without SQLite's own and FTS5's virtual and shadow tables. */
async function tablesIn(db: DB, backend: "sqlite" | "postgres"): Promise<string[]> {
  const { rows } =
    backend === "sqlite"
      ? await sql<{ name: string }>`select name from pragma_table_list
          where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'`.execute(
          db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.name).sort();
}

/** Tables of `db` the copy neither copies, rebuilds nor knows as derived. */
async function unknownTables(db: DB, backend: "sqlite" | "postgres"): Promise<string[]> {
  const known = new Set([...Object.keys(TABLE_PLAN), ...DERIVED_TABLES, ...ACCOUNT_TABLES]);
  return (await tablesIn(db, backend)).filter((table) => !known.has(table));
}

describe("the tables the copy knows", () => {
  it("are every table the SQLite migrations make", async () => {
    const sqlite = await createTempDb({ backend: "sqlite", inMemory: true });
    try {
      expect(await unknownTables(sqlite.db, "sqlite")).toEqual([]);
      const tables = await tablesIn(sqlite.db, "sqlite");
      for (const table of Object.keys(TABLE_PLAN)) expect(tables).toContain(table);
      // A new table (revisions, say) that the copy does not know is caught.
      await sql`create table story_revisions (id integer primary key)`.execute(sqlite.db);
      expect(await unknownTables(sqlite.db, "sqlite")).toEqual(["story_revisions"]);
    } finally {
      await sqlite.destroy();
    }
  });

  it.skipIf(!withPostgres)("are every table the PostgreSQL migrations make", async () => {
    const postgres = await createTempDb({ backend: "postgres" });
    try {
      expect(await unknownTables(postgres.db, "postgres")).toEqual([]);
      const tables = await tablesIn(postgres.db, "postgres");
      for (const table of Object.keys(TABLE_PLAN)) expect(tables).toContain(table);
    } finally {
      await postgres.destroy();
    }
  });
});
