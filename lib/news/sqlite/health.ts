import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { StoreUnavailableError } from "../outage";
import type { DB } from "./connection";
import { readFileHeader } from "./file-header";

/**
 * Files up to this size get `PRAGMA quick_check` at every start (about 10 s for 370 MB here:
 * docs/performance.md); larger ones a check of the file's structure, which takes milliseconds,
 * and a note saying how to run the full check out of hours (docs/deploy.md).
 */
export const QUICK_CHECK_MAX_BYTES = 1024 * 1024 * 1024;

/**
 * The start-up check of a SQLite database (docs/deploy.md), after opening (which checks that the
 * file is as long as its header says: checkFileLength). The file and its folder (where SQLite
 * creates the -wal and -shm files) can be written; it passes `PRAGMA quick_check` (https://sqlite.org/pragma.html#pragma_quick_check:
 * every page readable, every index in order), or above QUICK_CHECK_MAX_BYTES the last page of
 * every table can be read. (It does not take SQLite's write lock: an import holding it would
 * stop the server from starting.) `quickCheckMaxBytes` is for tests. Resolves with a note for the log, or null; throws StoreUnavailableError naming the
 * file and the reason. A failure of SQLite itself is left to the caller's guard
 * (lib/news/sqlite/failures.ts).
 */
export async function checkDatabase(
  db: DB,
  file: string,
  quickCheckMaxBytes = QUICK_CHECK_MAX_BYTES,
): Promise<string | null> {
  let note: string | null = null;
  if (file !== ":memory:") {
    for (const target of [file, path.dirname(file)]) {
      try {
        fs.accessSync(target, fs.constants.W_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "error";
        throw new StoreUnavailableError(`${target} cannot be written (${code})`, { cause: error });
      }
    }
  }
  const size = file === ":memory:" ? 0 : fs.statSync(file).size;
  if (size <= quickCheckMaxBytes) {
    const { rows } = await sql<Record<string, string>>`pragma quick_check`.execute(db);
    const problems = rows.map((row) => Object.values(row)[0]).filter((value) => value !== "ok");
    if (problems.length > 0 || rows.length === 0) {
      throw new StoreUnavailableError(
        `${file} failed SQLite's quick_check: ${problems.slice(0, 3).join("; ") || "no answer"}`,
      );
    }
  } else {
    const { rows } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_schema where type = 'table' and sql not like 'create virtual%'`.execute(
      db,
    );
    // The rightmost leaf of every table (and the first row of those without a rowid).
    for (const table of rows) {
      await (
        /without\s+rowid/i.test(table.sql)
          ? sql`select 1 from ${sql.table(table.name)} limit 1`
          : sql`select max(rowid) from ${sql.table(table.name)}`
      ).execute(db);
    }
    note =
      `${file} is ${Math.round(size / 1024 ** 2)} MB, over ${Math.round(quickCheckMaxBytes / 1024 ** 2)} MB: ` +
      `its structure was checked, not every page. Run \`sqlite3 ${file} "pragma quick_check"\` out of hours.`;
  }
  return note;
}

/**
 * Throws StoreUnavailableError when the file is shorter than the pages its header counts, or
 * (`requireDatabase`: a file the server has open) is not a SQLite database at all (https://sqlite.org/fileformat2.html,
 * "The in-header database size": valid when the "version-valid-for" number equals the change
 * counter). A file cut short is otherwise found only when a reader reaches a missing page. Not
 * checked while the write-ahead log holds pages (a checkpoint may be extending the file).
 */
export function checkFileLength(file: string, { requireDatabase = false } = {}): void {
  // Never through a descriptor opened and closed here: that would drop SQLite's locks.
  const header = readFileHeader(file, 100);
  if (header.length < 100 || header.toString("latin1", 0, 16) !== "SQLite format 3\0") {
    // Empty, or not a SQLite file at all: before opening, opening says so.
    if (!requireDatabase) return;
    throw new StoreUnavailableError(`${file} is no longer a SQLite database`);
  }
  // Pages still in the write-ahead log may be part-way into the file (a checkpoint in progress).
  if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  const size = fs.statSync(file).size;
  if (valid && pages > 0 && size < pageSize * pages) {
    throw new StoreUnavailableError(
      `${file} is truncated: ${size} bytes, where its header counts ${pages} pages of ${pageSize} bytes`,
    );
  }
}

/**
 * The probe of a database file a server has open (NewsStore.probe, about once a second): it is
 * still a SQLite file as long as its header says, readable, and not shorter than at the last
 * probe (`seen` carries that size; SQLite shrinks a file only on VACUUM, which Herald never
 * runs). Throws StoreUnavailableError naming the file and what is wrong.
 */
export function probeFile(file: string, seen: { size: number }): void {
  let size: number;
  try {
    checkFileLength(file, { requireDatabase: true });
    size = fs.statSync(file).size;
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new StoreUnavailableError(`${file} cannot be read (${code})`, { cause: error });
  }
  const before = seen.size;
  seen.size = size;
  if (size < before) {
    throw new StoreUnavailableError(
      `${file} shrank from ${before} to ${size} bytes under the server`,
    );
  }
}
