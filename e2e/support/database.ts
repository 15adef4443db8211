import { spawnSync } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { E2E_DATABASE_URL, E2E_DB_PATH, E2E_ON_POSTGRES } from "./env";

/**
 * The suite's database as the tests read it, synchronously, on either backend: better-sqlite3 on
 * the SQLite file, or `psql` on the PostgreSQL database of an E2E_DATABASE=postgres run (the
 * tests' helpers are synchronous, and a child process is the one synchronous road to
 * PostgreSQL). Statements are written with `?` placeholders, in SQL both dialects read alike.
 */
export type Statement = {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
};
export type E2eDatabase = { prepare(sql: string): Statement; close(): void };

/** Opens the suite's database (`readonly` on SQLite: the server owns it and keeps writing). */
export function openE2eDatabase({ readonly }: { readonly: boolean }): E2eDatabase {
  if (E2E_ON_POSTGRES) return postgres(E2E_DATABASE_URL);
  if (!fs.existsSync(E2E_DB_PATH))
    throw new Error(`The e2e database ${E2E_DB_PATH} is missing: did something delete it mid-run?`);
  const db = new Database(E2E_DB_PATH, { readonly, fileMustExist: true });
  // A writer waits for the server's writes (page views) rather than failing.
  if (!readonly) db.pragma("busy_timeout = 10000");
  return db;
}

/** Runs `script` with psql on `url`; `params` become the psql variables p1, p2… Returns stdout. */
function psql(url: string, script: string, params: unknown[]): string {
  const vars = params.flatMap((value, i) => ["-v", `p${i + 1}=${String(value)}`]);
  const result = spawnSync("psql", [url, "-XAqt", "-v", "ON_ERROR_STOP=1", ...vars], {
    input: script,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr || result.error}`);
  return result.stdout.trim();
}

function postgres(url: string): E2eDatabase {
  const bind = (sql: string, params: unknown[]) => {
    let n = 0;
    const text = sql.replace(/\?/g, () => {
      n += 1;
      const value = params[n - 1];
      if (value === null || value === undefined) return "null";
      return typeof value === "number" ? `(:'p${n}')::bigint` : `:'p${n}'`;
    });
    return text;
  };
  const rows = (sql: string, params: unknown[]) =>
    JSON.parse(
      psql(url, `select coalesce(json_agg(t), '[]') from (${bind(sql, params)}) t;`, params),
    ) as unknown[];
  return {
    prepare: (sql) => ({
      get: (...params) => rows(sql, params)[0],
      all: (...params) => rows(sql, params),
      run: (...params) => ({
        changes: Number(
          psql(url, `with t as (${bind(sql, params)} returning 1) select count(*) from t;`, params),
        ),
      }),
    }),
    close: () => undefined,
  };
}
