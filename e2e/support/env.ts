import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the end-to-end suite runs its own production server, and what that server uses. One
 * source for playwright.config.ts (which hands these to e2e/server.mjs as environment variables)
 * and for the tests (which open the database read-only to check page views).
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const E2E_HOST = "127.0.0.1";
/** The suite's port; $E2E_PORT lets two checkouts run their suites side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://${E2E_HOST}:${E2E_PORT}`;

/**
 * Folder of the suite's database: deleted and re-created (migrated, seeded) on every run. Under
 * the git-ignored data/, not test-results/: Playwright empties test-results/ when any run starts,
 * so a second run started by mistake would pull the database from under the first one's server.
 */
export const E2E_DB_DIR = path.join(PROJECT_ROOT, "data", "e2e");
export const E2E_DB_PATH = path.join(E2E_DB_DIR, "herald.db");

/**
 * E2E_DATABASE=postgres (`npm run test:e2e:postgres`): the suite runs on PostgreSQL, on a
 * database of its own that e2e/server.mjs creates fresh (collation C) and drops when it ends,
 * on the server of HERALD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
export const E2E_ON_POSTGRES = process.env.E2E_DATABASE === "postgres";
const postgresServer =
  process.env.HERALD_TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";
/** The suite's PostgreSQL database: named for its port, so checkouts side by side never share one. */
export const E2E_DATABASE_URL = (() => {
  const url = new URL(postgresServer);
  url.pathname = `/herald_e2e_${E2E_PORT}`;
  return url.toString();
})();

/** The server logs every database query here, one line each (HERALD_QUERY_LOG), so tests can count them. */
export const E2E_QUERY_LOG = path.join(E2E_DB_DIR, "queries.log");

/** When e2e/server.mjs started the server (milliseconds since the epoch, as text). */
export const E2E_SERVER_STARTED_AT = path.join(E2E_DB_DIR, "server-started-at");

/** The suite's own Next build folder (next.config.js reads HERALD_DIST_DIR), so it never touches `.next`. */
export const E2E_DIST_DIR = ".next-e2e";

/** Flags Chromium needs on our machines (no sandbox as root, no GPU, no network of its own). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else undefined
 * (Playwright's own downloaded browser, where one is installed).
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}
