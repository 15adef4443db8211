import fs from "node:fs";
import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Prepared statements kept per connection; the app has a few dozen distinct queries. */
const MAX_STATEMENTS = 1_000;

/**
 * Wraps a better-sqlite3 connection for Kysely's SqliteDialect so that each distinct SQL text is
 * prepared once and reused. Kysely prepares every query afresh, which costs more than running a
 * small indexed query; Kysely compiles the same SQL text for the same query shape, with the values
 * bound as parameters, so the cache stays small. The least recently used statements are dropped
 * past {@link MAX_STATEMENTS}.
 *
 * When `queryLog` names a file, one line (the start of the SQL) is appended to it per executed
 * query: the tests count database queries through it. Never set it in production.
 */
export function withStatementCache(
  sqlite: BetterSqlite3.Database,
  queryLog: string | null = null,
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  const log = queryLog
    ? (sql: string) => fs.appendFileSync(queryLog, `${sql.slice(0, 120).replace(/\s+/g, " ")}\n`)
    : null;
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so eviction drops the least recently used.
        statements.delete(sql);
        statements.set(sql, statement);
      } else {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (statements.size >= MAX_STATEMENTS) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
        statements.set(sql, statement);
      }
      log?.(sql);
      return statement;
    },
  };
}
