import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The data-layer tests: they take their database from lib/news/test-support/temp-db.ts and run
 * once per backend (projects `data-sqlite`, `data-postgres`), each file on a fresh database. A
 * test that passes on one backend only fails the suite. Tests of SQLite by nature (FTS5
 * internals, damaged files, query plans, lib/news/sqlite/) run in `node`, on SQLite only.
 */
const DATA_TESTS = [
  "lib/news/sql/**/*.test.ts",
  "lib/page-views/endpoint.test.ts",
  "lib/seo/feeds.test.ts",
  "lib/seo/sitemap-xml.test.ts",
  "scripts/bench/generator.test.ts",
];

/**
 * The databases the data tests run on: HERALD_TEST_DATABASES, a comma-separated list of
 * `sqlite` and `postgres` (both by default). PostgreSQL's server: HERALD_TEST_POSTGRES_URL
 * (default postgres://postgres@127.0.0.1:5432/test), where each test file creates and drops its
 * own database.
 */
const databases = (process.env.HERALD_TEST_DATABASES ?? "sqlite,postgres")
  .split(",")
  .map((name) => name.trim())
  .filter((name): name is "sqlite" | "postgres" => name === "sqlite" || name === "postgres");

/**
 * Unit tests of lib/ and of the scripts, and component tests of the client islands
 * (`npm run test:unit`). Both projects run with a non-UTC time zone on purpose: the house dates
 * are KST and must not depend on the server's zone. Vitest 4 passes `test.env` to the environment
 * of the forked worker processes when it spawns them, so TZ is in place before any test code (or
 * Date) runs; lib/format/date.test.ts checks that it really applies. Both projects inherit
 * (`extends: true`) the alias, TZ, pool and timeouts set here.
 */
export default defineConfig({
  resolve: {
    alias: { "@": root },
  },
  test: {
    pool: "forks",
    env: { TZ: "America/Los_Angeles" },
    // Seeding the default content (326 articles) takes a moment on a slow machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: [...DATA_TESTS, "**/node_modules/**"],
        },
      },
      ...databases.map((database) => ({
        extends: true as const,
        test: {
          name: `data-${database}`,
          environment: "node" as const,
          include: DATA_TESTS,
          env: { TZ: "America/Los_Angeles", HERALD_TEST_DATABASE: database },
        },
      })),
      {
        extends: true,
        // The islands' tests, beside them (`*.island.test.tsx`), in a browser-like DOM. JSX is
        // compiled with React's automatic runtime, as tsconfig's "react-jsx" says.
        oxc: { jsx: { runtime: "automatic" } },
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["components/**/*.test.tsx"],
          setupFiles: ["./vitest.setup.dom.ts"],
        },
      },
    ],
  },
});
