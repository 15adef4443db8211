// The end-to-end suite's web server (playwright.config.ts, webServer): starts from an empty
// database, sets it up and adds the stories of e2e/support/fixtures.ts, builds the site for production against
// it, then serves that build. Build and start
// must share HERALD_DATABASE_PATH, because `next build` prerenders the home page from it.
//
// Environment (set by playwright.config.ts): HERALD_DATABASE_PATH, E2E_DB_DIR (deleted first),
// E2E_PORT, E2E_HOST, HERALD_SITE_URL, HERALD_DIST_DIR. Exits non-zero when the build fails;
// forwards SIGTERM/SIGINT to the server (server.mjs) so Playwright can stop it.
//
// The build starts without Next's data cache (DIST_DIR/cache/fetch-cache): entries left by an
// earlier run would let `next build` prerender from the old database without opening the new
// one, so the tests would find no database file, and data from before a content change.
//
// One run at a time per checkout: a second run would delete the database and rebuild the build
// folder under the first one's server, so "E2E_DB_DIR.lock" holds the running server's pid.
//
// With HERALD_DATABASE_URL (E2E_DATABASE=postgres) the site runs on that PostgreSQL database
// instead: dropped and created afresh here (collation C, as lib/news/postgres/create-database.ts
// makes them), and dropped again when this script exits.
//
// It binds to 127.0.0.1: the suite's server is reachable from this machine only.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next", { paths: [root] });

function fail(message, code = 2) {
  console.error(`e2e/server.mjs: ${message}`);
  process.exit(code);
}

function need(name) {
  const value = process.env[name];
  if (!value) fail(`${name} is not set (run the suite with "npx playwright test").`);
  return value;
}

const dbDir = path.resolve(root, need("E2E_DB_DIR"));
const dbPath = path.resolve(root, need("HERALD_DATABASE_PATH"));
const port = need("E2E_PORT");
const host = need("E2E_HOST");
need("HERALD_SITE_URL");

// Only ever delete a folder inside the project that holds the e2e database.
if (!dbDir.startsWith(root + path.sep) || path.dirname(dbPath) !== dbDir) {
  fail(`refusing to delete ${dbDir} (not the e2e database folder).`);
}

const lockFile = `${dbDir}.lock`;
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function takeLock() {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        fail(
          `another end-to-end run is using this checkout (pid ${holder}, ${lockFile}). ` +
            "Wait for it to finish, or delete the lock file if that process is not ours.",
        );
      }
      fs.rmSync(lockFile, { force: true }); // left by a run that was killed
    }
  }
  fail(`could not take ${lockFile}.`);
}
takeLock();
process.on("exit", () => {
  try {
    if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.rmSync(lockFile);
  } catch {
    // already gone
  }
});

fs.rmSync(dbDir, { recursive: true, force: true });
fs.mkdirSync(dbDir, { recursive: true });
const distDir = path.resolve(root, process.env.HERALD_DIST_DIR || ".next");
fs.rmSync(path.join(distDir, "cache", "fetch-cache"), { recursive: true, force: true });

const env = { ...process.env, HERALD_DATABASE_PATH: dbPath, NEXT_TELEMETRY_DISABLED: "1" };

const postgresUrl = process.env.HERALD_DATABASE_URL || null;
/** Runs one statement with psql on the server of postgresUrl (connected to its `postgres` database). */
function onPostgresServer(statement) {
  const server = new URL(postgresUrl);
  server.pathname = "/postgres";
  const result = spawnSync(
    "psql",
    [server.toString(), "-XAq", "-v", "ON_ERROR_STOP=1", "-c", statement],
    {
      encoding: "utf8",
    },
  );
  if (result.status !== 0) fail(`psql failed: ${result.stderr || result.error}`);
}
if (postgresUrl) {
  const name = decodeURIComponent(new URL(postgresUrl).pathname.slice(1));
  if (!/^herald_e2e_[0-9]+$/.test(name))
    fail(`refusing to drop the database "${name}" (not an e2e one).`);
  onPostgresServer(`drop database if exists "${name}" with (force)`);
  onPostgresServer(
    `create database "${name}" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`,
  );
  process.on("exit", () => {
    const server = new URL(postgresUrl);
    server.pathname = "/postgres";
    spawnSync("psql", [
      server.toString(),
      "-XAq",
      "-c",
      `drop database if exists "${name}" with (force)`,
    ]);
  });
}

let child = null;
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(0);
  });
}

/** Runs a command with stdio inherited; resolves with its exit code (or 1 when killed by a signal). */
function run(command, args) {
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`e2e/server.mjs: could not run ${command} ${args.join(" ")}:`, error);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs `next ...args` (see run). */
const next = (args) => run(process.execPath, [nextBin, ...args]);

const loaded = await run(process.execPath, [
  "--import",
  "tsx",
  path.join(root, "e2e", "support", "load-fixtures.ts"),
]);
if (stopping) process.exit(0);
if (loaded !== 0) fail(`loading the e2e fixtures failed (exit code ${loaded}).`, loaded);
const built = await next(["build"]);
if (stopping) process.exit(0);
if (built !== 0) fail(`next build failed (exit code ${built}).`, built);
if (!postgresUrl && !fs.existsSync(dbPath))
  fail(`next build did not create the database ${dbPath}.`, 1);
// The moment the server starts, for the test that nothing it renders is written to disk.
fs.writeFileSync(path.join(dbDir, "server-started-at"), String(Date.now()));
// Herald's production server, as `npm start` runs it (server.mjs).
const served = await run(process.execPath, [path.join(root, "server.mjs"), "-p", port, "-H", host]);
process.exit(stopping ? 0 : served);
