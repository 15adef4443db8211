import { PostgresAdapter, type Kysely } from "kysely";
import type { Database } from "./schema";

/** A Kysely instance over Herald's schema, on either backend (SQLite or PostgreSQL). */
export type DB = Kysely<Database>;

/** The SQL dialect behind `db`: the few queries that must differ (lib/news/sql/) branch on it. */
export function dialectOf(db: Pick<Kysely<Database>, "getExecutor">): "sqlite" | "postgres" {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
