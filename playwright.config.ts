import { defineConfig } from "@playwright/test";
import {
  BASE_URL,
  CHROMIUM_ARGS,
  E2E_DB_DIR,
  E2E_DATABASE_URL,
  E2E_DB_PATH,
  E2E_DIST_DIR,
  E2E_HOST,
  E2E_ON_POSTGRES,
  E2E_PORT,
  E2E_QUERY_LOG,
  chromiumPath,
} from "./e2e/support/env";

/**
 * End-to-end tests (`npm run test:e2e`): a production build of the site, served by e2e/server.mjs
 * from a fresh database, driven in Chromium. Playwright cannot download its browsers on our
 * machines, so Debian's /usr/bin/chromium is used (or $CHROMIUM_PATH); elsewhere, with neither,
 * Playwright's own browser. With E2E_DATABASE=postgres (`npm run test:e2e:postgres`) the server
 * runs on a PostgreSQL database of its own (e2e/support/env.ts), which e2e/server.mjs creates
 * and drops; specs that are about the SQLite file skip themselves there, saying why.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  // Patterns are matched against absolute paths, so each names its folder under e2e/: a bare
  // /crawl/ would also match a checkout at /work/wt-crawl and move every spec out of "site".
  projects: [
    {
      name: "site",
      testIgnore: /e2e\/(clock|quiet|crawl|shared-cache|nginx|cluster)\/|e2e\/routing\/new-routes/,
    },
    // Specs that change stories' state while the site runs: after everything else.
    { name: "clock", testMatch: /e2e\/clock\/.*\.spec\.ts$/, dependencies: ["site"] },
    // Counts the server's database queries, so nothing else may run meanwhile: last, alone.
    { name: "quiet", testMatch: /e2e\/quiet\/.*\.spec\.ts$/, dependencies: ["clock"] },
    // Two more instances of the build sharing a Redis of their own (decision 034), which the
    // spec kills and restarts: after the quiet counts, alone.
    {
      name: "shared-cache",
      testMatch: /e2e\/shared-cache\/.*\.spec\.ts$/,
      dependencies: ["quiet"],
    },
    // deploy/nginx/herald.conf in front of the suite's server (nginx of its own, on ports beside
    // E2E_PORT); it withdraws a story, and waits out nginx's 30-second window.
    { name: "nginx", testMatch: /e2e\/nginx\/.*\.spec\.ts$/, dependencies: ["shared-cache"] },
    // Builds a copy of the site with extra routes (two minutes on two cores): at the very end.
    { name: "routing", testMatch: /e2e\/routing\/new-routes\.spec\.ts$/, dependencies: ["nginx"] },
    // Crawls 20,000 generated articles with a bounded heap (about ten minutes): last of all.
    { name: "crawl", testMatch: /e2e\/crawl\/.*\.spec\.ts$/, dependencies: ["routing"] },
  ],
  webServer: {
    command: "node e2e/server.mjs",
    url: BASE_URL,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM, so e2e/server.mjs stops the server and releases its lock.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_DB_DIR,
      E2E_HOST,
      E2E_PORT: String(E2E_PORT),
      HERALD_DATABASE_PATH: E2E_DB_PATH,
      HERALD_SITE_URL: BASE_URL,
      HERALD_DIST_DIR: E2E_DIST_DIR,
      HERALD_QUERY_LOG: E2E_QUERY_LOG,
      ...(E2E_ON_POSTGRES ? { HERALD_DATABASE_URL: E2E_DATABASE_URL } : {}),
    },
  },
});
