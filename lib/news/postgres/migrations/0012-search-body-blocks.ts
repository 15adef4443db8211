import type { Kysely } from "kysely";

/**
 * SQLite's 0012 replaces its search view so list items and photo captions of the newsroom's
 * body blocks are indexed. PostgreSQL's index is written from TypeScript (bodyText), so it has
 * nothing to change; this entry keeps one list of migration names, one schema version, on both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}
