import { sql, type RawBuilder } from "kysely";
import type { DB } from "../sql/db";

/** One row as both backends return it: column name to number, string or null. */
type Row = Record<string, unknown>;

/** Rows read from the source at a time: a few megabytes of articles at most. */
const READ_ROWS = 2_000;
/** Parameters per insert statement (PostgreSQL takes up to 65,535; SQLite 32,766). */
const PARAMETERS_PER_INSERT = 30_000;

/** Called after each chunk a table writes: rows written so far. */
export type RowProgress = (copied: number) => void;

/**
 * Copies every row of `table` from `source` to `target` as it is (ids included), reading
 * READ_ROWS at a time in the order of `key` (keyset paging: `(key…) > (last key…)`, an index
 * read on both backends, whatever the table's size) and writing them in multi-row inserts.
 * `sections` is read whole and written parents first, since a section may refer to one with a
 * higher id. Returns the number of rows copied; throws what the databases throw.
 */
export async function copyRows(
  source: DB,
  target: DB,
  table: string,
  key: readonly string[],
  progress: RowProgress,
): Promise<number> {
  if (table === "sections") {
    const rows = parentsFirst(await readChunk(source, table, key, null, null));
    await insertRows(target, table, rows);
    progress(rows.length);
    return rows.length;
  }
  let copied = 0;
  let after: unknown[] | null = null;
  for (;;) {
    const rows = await readChunk(source, table, key, after, READ_ROWS);
    if (rows.length === 0) return copied;
    await insertRows(target, table, rows);
    copied += rows.length;
    progress(copied);
    const last = rows[rows.length - 1]!;
    after = key.map((column) => last[column]);
  }
}

/** Up to `limit` rows (all with null) of `table` after the key `after`, in key order. */
async function readChunk(
  db: DB,
  table: string,
  key: readonly string[],
  after: unknown[] | null,
  limit: number | null,
): Promise<Row[]> {
  const columns = sql.join(key.map((column) => sql.ref(column)));
  const where: RawBuilder<unknown> = after ? sql`where (${columns}) > (${sql.join(after)})` : sql``;
  const limited: RawBuilder<unknown> = limit === null ? sql`` : sql`limit ${limit}`;
  const { rows } = await sql<Row>`select * from ${sql.table(table)} ${where}
    order by ${columns} ${limited}`.execute(db);
  return rows;
}

/** Writes `rows` into `table`, as many a statement as the parameter limit allows. */
async function insertRows(db: DB, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length));
  for (let i = 0; i < rows.length; i += perInsert) {
    const values = rows
      .slice(i, i + perInsert)
      .map((row) => sql`(${sql.join(columns.map((column) => row[column] ?? null))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(values)}`.execute(db);
  }
}

/** Sections ordered so that each comes after its parent (ids otherwise in order). */
function parentsFirst(rows: readonly Row[]): Row[] {
  const placed = new Set<unknown>();
  const ordered: Row[] = [];
  let waiting = [...rows];
  while (waiting.length > 0) {
    const ready = waiting.filter((r) => r.parent_id === null || placed.has(r.parent_id));
    // A parent missing from the table: let the target's foreign key say so.
    const next = ready.length > 0 ? ready : waiting;
    for (const row of next) {
      placed.add(row.id);
      ordered.push(row);
    }
    waiting = waiting.filter((r) => !next.includes(r));
  }
  return ordered;
}
