import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import {
  BASE_URL,
  E2E_DB_DIR,
  E2E_DB_PATH,
  E2E_DIST_DIR,
  E2E_ON_POSTGRES,
  E2E_PORT,
  PROJECT_ROOT,
} from "../support/env";
import { NGINX, rawGet, startNginx, type TestNginx } from "../support/nginx";

/**
 * Two Herald servers behind nginx, one of them as docs/deploy.md runs them there
 * (HERALD_COMPRESS=0, on its own copy of the suite's database): it sends pages uncompressed, and
 * nginx compresses whatever either server sends.
 */
const SERVER_PORT = E2E_PORT + 45;
const NGINX_PORT = E2E_PORT + 46;
const SERVER = `127.0.0.1:${SERVER_PORT}`;
const DIR = path.join(E2E_DB_DIR, "nginx");

let server: ChildProcess;
let log = "";
let nginx: TestNginx;

// The cluster suite (e2e/cluster/) runs the same on PostgreSQL.
test.skip(E2E_ON_POSTGRES, "a second server on a copy of the SQLite file: SQLite only");
test.describe.configure({ mode: "serial", timeout: 90_000 });
test.skip(!fs.existsSync(NGINX), `${NGINX} is not installed (.ci/run installs Debian's nginx)`);

test.beforeAll(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  const database = path.join(DIR, "herald.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(database + suffix, { force: true });
  const source = new Database(E2E_DB_PATH, { readonly: true });
  try {
    await source.backup(database);
  } finally {
    source.close();
  }
  server = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, "server.mjs"), "-p", String(SERVER_PORT), "-H", "127.0.0.1"],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        HERALD_DATABASE_PATH: database,
        HERALD_DIST_DIR: E2E_DIST_DIR,
        HERALD_SITE_URL: `http://${SERVER}`,
        HERALD_QUERY_LOG: "",
        HERALD_COMPRESS: "0",
        HERALD_TRUSTED_PROXIES: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  const until = Date.now() + 60_000;
  while (!(await rawGet(`http://${SERVER}`, "/images/logo.png").catch(() => null))) {
    if (server.exitCode !== null || Date.now() > until)
      throw new Error(`the second server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  nginx = await startNginx(NGINX_PORT, [SERVER, new URL(BASE_URL).host]);
});

test.afterAll(async () => {
  await nginx?.stop();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(DIR, { recursive: true, force: true });
});

test("with HERALD_COMPRESS=0 a server sends pages as they are, and nginx compresses them", async () => {
  const direct = await rawGet(`http://${SERVER}`, "/national", { "Accept-Encoding": "gzip" });
  expect(direct.status).toBe(200);
  expect(direct.headers["content-encoding"]).toBeUndefined();
  expect(direct.headers["vary"]).not.toMatch(/accept-encoding/i);
  // The suite's own server compresses, as one server on its own does.
  const suite = await rawGet(BASE_URL, "/national", { "Accept-Encoding": "gzip" });
  expect(suite.headers["content-encoding"]).toBe("gzip");

  // nginx spreads pages over both servers, and compresses whichever answered.
  const answeredBy = new Set<string>();
  for (const page of ["/world", "/business", "/sports", "/entertainment", "/topics", "/opinion"]) {
    const response = await rawGet(nginx.url, page, { "Accept-Encoding": "gzip" });
    expect(response.status, page).toBe(200);
    expect(response.headers["content-encoding"], page).toBe("gzip");
    expect(zlib.gunzipSync(response.body).toString(), page).toMatch(/^<!DOCTYPE html>/i);
    answeredBy.add(String(response.headers["x-herald-upstream"]));
  }
  expect([...answeredBy].sort()).toEqual([SERVER, new URL(BASE_URL).host].sort());
});
