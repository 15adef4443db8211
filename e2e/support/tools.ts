import { spawnSync } from "node:child_process";
import path from "node:path";
import { BASE_URL, E2E_DATABASE_URL, E2E_DB_PATH, E2E_ON_POSTGRES, PROJECT_ROOT } from "./env";

/**
 * Runs one of Herald's command-line tools (`scripts/<script>`, as `npm run` would) to its end.
 * By default it works on the suite's database (SQLite, or PostgreSQL in an E2E_DATABASE=postgres
 * run) and tells the suite's server what it changed; `env` overrides any of that (another
 * database, another server). `input` is written to its standard input (a password, say).
 * Returns its exit status and everything it printed.
 */
export function runTool(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "scripts", script), ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      input,
      env: {
        ...process.env,
        HERALD_DATABASE_PATH: E2E_DB_PATH,
        ...(E2E_ON_POSTGRES ? { HERALD_DATABASE_URL: E2E_DATABASE_URL } : {}),
        HERALD_SITE_URL: BASE_URL,
        HERALD_SERVER_URL: BASE_URL,
        ...env,
      },
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
