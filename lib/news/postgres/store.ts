import { sql } from "kysely";
import type { NewsStore } from "../store";
import type { DB } from "../sql/db";
import { storeOver } from "../sql/store";
import { migratePostgres, openPostgres } from "./connection";
import { guardFailures } from "../sql/guard-failures";
import { asStoreFailure } from "./failures";
import { checkPostgres } from "./health";
import { migrations } from "./migrations";
import { indexBatch } from "./search/index-write";
import { tsvectorSearchIndex } from "./search/search-index";

/**
 * The PostgreSQL backend of the news module: a {@link NewsStore} over the database at `url`
 * (HERALD_DATABASE_URL). Opening only opens (the pool connects on first use): the schema is
 * migrated by `migrate()`. A database that is down, missing or read-only throws
 * StoreUnavailableError from any method (failures.ts). Loaded by lib/news/connect.ts with a
 * dynamic import, only when HERALD_DATABASE_URL is set (decision 033).
 */
export function openPostgresStore(url: string): NewsStore {
  return guardFailures(postgresStore(openPostgres(url), url), (error) =>
    asStoreFailure(error, url),
  );
}

/**
 * A {@link NewsStore} over an open Kysely PostgreSQL instance: the shared queries
 * (lib/news/sql/store.ts) with PostgreSQL's parts: tsvector search, its migrations, its health
 * check, and a lock that makes one reader's simultaneous views count once.
 */
export function postgresStore(db: DB, url: string): NewsStore {
  return storeOver(db, {
    search: tsvectorSearchIndex,
    indexBatch,
    lockReader,
    migrations,
    migrate: () => migratePostgres(db),
    checkHealth: () => checkPostgres(db, url),
    async probe() {
      await sql`select 1`.execute(db);
    },
  });
}

/**
 * Holds a transaction-level advisory lock on (story, reader) until the page view's transaction
 * ends: PostgreSQL runs transactions side by side, so without it 300 simultaneous views of one
 * reader counted twice (each saw no earlier view). Hash collisions only make two readers wait
 * for each other.
 */
export async function lockReader(trx: DB, articleId: number, readerHash: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${articleId}:${readerHash}`}))`.execute(trx);
}
