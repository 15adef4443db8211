import fs from "node:fs";
import { sql } from "kysely";
import { openPostgres } from "../postgres/connection";
import { migrations as postgresMigrations } from "../postgres/migrations";
import { rebuildSearchIndex } from "../postgres/search/index-write";
import { dialectOf, type DB } from "../sql/db";
import { getMostPopular } from "../sql/queries/most-popular";
import { openDatabase } from "../sqlite/connection";
import { migrations as sqliteMigrations } from "../sqlite/migrations";
import { copyRows } from "./copy-rows";
import { assertSetUp, CopyRefusedError, countRowsOf, tablesWithRows } from "./preflight";
import { COPIED_TABLES } from "./tables";

export { CopyRefusedError } from "./preflight";

/** What a copy wrote: rows per table (as many as the source held), and what it rebuilt. */
export type CopyReport = {
  tables: Array<{ table: string; rows: number }>;
  /** Articles indexed for search on the target. */
  searchIndexed: number;
  /** List sizes of MOST POPULAR ranked again on the target (those the source had stored). */
  mostPopular: number[];
  /** Tables of the target that held rows and were emptied first (`replace`). */
  replaced: string[];
};

export type CopyOptions = {
  /** Empty a target that holds content instead of refusing it. */
  replace?: boolean;
  /** How the databases are named in messages (e.g. the file and the URL without password). */
  names?: { source: string; target: string };
  /** Called as rows are written: the table, rows written, rows the source holds. */
  onProgress?: (table: string, copied: number, total: number) => void;
  /** The instant MOST POPULAR is ranked at (ISO 8601 UTC); now by default. */
  now?: string;
};

/** Every table the copy writes or empties on the target: the copied ones, then the rebuilt. */
const TARGET_TABLES = [...COPIED_TABLES.map((t) => t.table), "article_search", "most_read"];

/**
 * `npm run copy-database`: opens the SQLite file `from` and the PostgreSQL database at `to`,
 * copies the one into the other ({@link copySqliteToPostgres}) and closes both. Throws
 * CopyRefusedError as that does, and TypeError when `from` does not exist (opening it would
 * create an empty file).
 */
export async function copyDatabase(
  from: string,
  to: string,
  options: CopyOptions = {},
): Promise<CopyReport> {
  if (!fs.existsSync(from)) throw new TypeError(`no such file: ${from}`);
  const source = openDatabase(from);
  const target = openPostgres(to, 2);
  try {
    return await copySqliteToPostgres(source, target, options);
  } finally {
    await Promise.all([source.destroy(), target.destroy()]);
  }
}

/**
 * Copies a Herald SQLite database (`source`) into a PostgreSQL one (`target`): every table of
 * the schema row for row with its ids (lib/news/copy/tables.ts), then rebuilds what is derived
 * from them there (the search index, with the PostgreSQL backend's own indexing; the stored MOST
 * POPULAR rankings) and moves every identity sequence past the copied ids, so later imports and
 * page views get new ids.
 *
 * Both must be set up to this version's latest migration, and the target must be empty (with
 * `replace`, what it holds is deleted first, in the same transaction): otherwise CopyRefusedError,
 * and nothing is written. The source is read in one read transaction (a consistent snapshot);
 * the target is written in one transaction, which also holds an exclusive lock on its tables:
 * PostgreSQL keeps a transaction of millions of rows without trouble, and a copy that fails or
 * is stopped leaves the target as it was. After writing, each table's rows are counted on the
 * target and must equal the source's, or the copy is rolled back. Throws TypeError when the
 * backends are the other way round, and what the databases throw.
 */
export async function copySqliteToPostgres(
  source: DB,
  target: DB,
  options: CopyOptions = {},
): Promise<CopyReport> {
  if (dialectOf(source) !== "sqlite" || dialectOf(target) !== "postgres")
    throw new TypeError("copySqliteToPostgres: the source must be SQLite, the target PostgreSQL");
  const names = options.names ?? {
    source: "the SQLite database",
    target: "the PostgreSQL database",
  };
  await assertSetUp(
    source,
    Object.keys(sqliteMigrations),
    names.source,
    "`npm run setup` with HERALD_DATABASE_PATH set to it",
  );
  await assertSetUp(
    target,
    Object.keys(postgresMigrations),
    names.target,
    "`npm run setup` with HERALD_DATABASE_URL set to it and HERALD_SEED=0 (so it stays empty)",
  );

  await sql`begin`.execute(source);
  try {
    const tables = COPIED_TABLES.map((t) => t.table);
    const totals = await countRowsOf(source, tables);
    const listSizes = (await source.selectFrom("most_read").select("list_size").execute()).map(
      (r) => r.list_size,
    );
    return await target.transaction().execute(async (trx) => {
      // One copy at a time, and no writer beside it; readers of the target wait for nothing.
      await sql`lock table ${sql.join(TARGET_TABLES.map((t) => sql.table(t)))} in exclusive mode`.execute(
        trx,
      );
      const replaced = await tablesWithRows(trx, TARGET_TABLES);
      if (replaced.length > 0 && !options.replace)
        throw new CopyRefusedError(
          `${names.target} is not empty (${replaced.join(", ")}): copy into an empty database ` +
            `(set up with HERALD_SEED=0), or pass --replace to delete what it holds first.`,
        );
      if (replaced.length > 0)
        await sql`truncate ${sql.join(TARGET_TABLES.map((t) => sql.table(t)))} restart identity`.execute(
          trx,
        );

      const report: CopyReport["tables"] = [];
      for (const { table, key } of COPIED_TABLES) {
        const total = totals.get(table) ?? 0;
        const rows = await copyRows(source, trx, table, key, (copied) =>
          options.onProgress?.(table, copied, total),
        );
        report.push({ table, rows });
      }
      const written = await countRowsOf(trx, tables);
      for (const { table, rows } of report)
        if (rows !== totals.get(table) || written.get(table) !== rows)
          throw new Error(
            `${table}: the source holds ${totals.get(table)} rows, ${rows} were read and the ` +
              `target holds ${written.get(table)}; nothing was copied`,
          );

      const searchIndexed = await rebuildSearchIndex(trx);
      await moveIdentitiesPastCopiedIds(trx);
      const now = options.now ?? new Date().toISOString();
      for (const size of listSizes) await getMostPopular(trx, size, now);
      return { tables: report, searchIndexed, mostPopular: listSizes, replaced };
    });
  } finally {
    await sql`rollback`.execute(source).catch(() => undefined);
  }
}

/**
 * Sets every identity sequence of the target's schema to continue after its column's highest
 * value (1 for an empty table): rows copied with their ids do not advance the sequence, so the
 * next insert would otherwise collide with copied id 1.
 */
async function moveIdentitiesPastCopiedIds(db: DB): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(db);
  for (const { table_name, column_name } of rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(
      db,
    );
  }
}
