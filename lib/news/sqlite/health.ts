import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { StoreUnavailableError } from "../outage";
import type { DB } from "./connection";

/**
 * The start-up check of a SQLite database (docs/deploy.md): the file passes
 * `PRAGMA quick_check` (https://sqlite.org/pragma.html#pragma_quick_check: every page readable,
 * every index in order, in time linear in the file's size), and the file and its folder (where
 * SQLite creates the -wal and -shm files) can be written: the server takes SQLite's write lock
 * and releases it, writing nothing. Throws StoreUnavailableError naming the file and the
 * reason; a failure of SQLite itself is left to the caller's guard (lib/news/sqlite/failures.ts).
 */
export async function checkDatabase(db: DB, file: string): Promise<void> {
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
  const { rows } = await sql<{ quick_check: string }>`pragma quick_check`.execute(db);
  const problems = rows.map((row) => Object.values(row)[0]).filter((value) => value !== "ok");
  if (problems.length > 0 || rows.length === 0) {
    throw new StoreUnavailableError(
      `${file} failed SQLite's quick_check: ${problems.slice(0, 3).join("; ") || "no answer"}`,
    );
  }
  await sql`begin immediate`.execute(db);
  await sql`rollback`.execute(db);
}
