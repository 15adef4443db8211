import type { Kysely } from "kysely";

/**
 * Nothing to do on PostgreSQL: SQLite's 0006 switches its search triggers off for bulk imports,
 * and PostgreSQL's index has no triggers (the writers index what they write,
 * lib/news/postgres/search/index-write.ts). The name is kept so both backends count the same
 * schema versions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  void db;
}
