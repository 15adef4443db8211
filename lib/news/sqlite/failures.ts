import { StoreUnavailableError } from "../outage";

/**
 * SQLite result codes (https://sqlite.org/rescode.html) that mean the database file cannot be
 * used now, as opposed to a bug in a query or a constraint of the data: the file is not a
 * database or is damaged, cannot be opened, read or written, or the disk is full. (SQLITE_BUSY,
 * a lock held past busy_timeout by an import, is contention, not an outage.) Extended codes
 * (SQLITE_IOERR_SHORT_READ, SQLITE_READONLY_DIRECTORY, ...) count with their primary code.
 */
const UNAVAILABLE = [
  "SQLITE_CORRUPT",
  "SQLITE_NOTADB",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_READONLY",
  "SQLITE_FULL",
  "SQLITE_PERM",
  "SQLITE_PROTOCOL",
];

/**
 * Turns an error of better-sqlite3 that means the file is unusable into a StoreUnavailableError
 * naming the file and the reason; returns any other error unchanged.
 */
export function asStoreFailure(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !UNAVAILABLE.some((c) => code === c || code.startsWith(`${c}_`)))
    return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`${file}: ${message} (${code})`, { cause: error });
}
