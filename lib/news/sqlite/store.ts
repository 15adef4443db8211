import fs from "node:fs";
import { StoreUnavailableError } from "../outage";
import type { NewsStore } from "../store";
import { storeOver } from "../sql/store";
import { migrateToLatest, openDatabase, type DB } from "./connection";
import { guardFailures } from "../sql/guard-failures";
import { asStoreFailure } from "./failures";
import { checkDatabase, checkFileLength, probeFile } from "./health";
import { migrations } from "./migrations";
import { ftsSearchIndex } from "./search/fts";
import { withBulkSearchIndex } from "./search/index-sync";

/**
 * The SQLite backend of the news module: a {@link NewsStore} over the database file `file`
 * (created with its folder if missing; ":memory:" for tests). Opening only opens: the schema is
 * migrated by `migrate()` (lib/news/setup.ts calls it). `queryLog`: a file that gets one line
 * per query (tests only). `create: false` (a server) refuses a file that does not exist, rather
 * than creating an empty one, or that is shorter than its header says. A file that cannot be used (not a database, damaged, unreadable,
 * unwritable) throws StoreUnavailableError, on opening or from any method later.
 */
export function openSqliteStore(
  file: string,
  queryLog: string | null = null,
  { create = true }: { create?: boolean } = {},
): NewsStore {
  if (!create && file !== ":memory:" && !fs.existsSync(file)) {
    throw new StoreUnavailableError(
      `${file} does not exist. Run \`npm run setup\` with the same HERALD_DATABASE_PATH, then start again.`,
    );
  }
  if (!create && file !== ":memory:") checkFileLength(file);
  let db: DB;
  try {
    db = openDatabase(file, queryLog);
  } catch (error) {
    throw asStoreFailure(error, file);
  }
  return guardFailures(sqliteStore(db, file), (error) => asStoreFailure(error, file));
}

/**
 * A {@link NewsStore} over an open Kysely SQLite database (the tests' temporary databases):
 * the shared queries (lib/news/sql/store.ts) with SQLite's parts: FTS5 search, its migrations,
 * the file's health check and probe. `file` is its path, for the health check.
 */
export function sqliteStore(db: DB, file = ":memory:"): NewsStore {
  const probed = { size: 0 };
  return storeOver(db, {
    search: ftsSearchIndex,
    indexBatch: withBulkSearchIndex,
    migrations,
    migrate: () => migrateToLatest(db),
    checkHealth: () => checkDatabase(db, file),
    async probe() {
      if (file !== ":memory:") probeFile(file, probed);
    },
  });
}
