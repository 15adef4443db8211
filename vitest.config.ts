import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

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
        },
      },
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
