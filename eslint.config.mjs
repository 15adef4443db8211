import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layering, made executable (docs/architecture.md): routes, components, the proxy and the
 * command-line tools reach Herald's data only through the news module, lib/news/. Its storage
 * (lib/news/sql/: the shared queries; lib/news/sqlite/ and lib/news/postgres/: the backends)
 * is private to it. Tests may reach inside; the code they test may not.
 */
const storageInternals = {
  patterns: [
    {
      group: [
        "**/lib/news/sqlite",
        "**/lib/news/sqlite/**",
        "@/lib/news/sqlite",
        "@/lib/news/sqlite/**",
        "**/lib/news/postgres",
        "**/lib/news/postgres/**",
        "@/lib/news/postgres",
        "@/lib/news/postgres/**",
        "**/lib/news/sql",
        "**/lib/news/sql/**",
        "@/lib/news/sql",
        "@/lib/news/sql/**",
      ],
      message:
        "Storage internals are private to the news module: import from @/lib/news (or, in scripts/, the lib/news files without server-only: setup, writes, refresh, connect, bench).",
    },
  ],
  paths: [
    { name: "better-sqlite3", message: "Only lib/news/sqlite/ opens the database." },
    { name: "pg", message: "Only lib/news/postgres/ opens the database." },
    { name: "kysely", message: "Only lib/news/ (sql/, sqlite/, postgres/) queries the database." },
  ],
};

/** lib/ is beneath the routes and components: it never imports them. */
const upwardImports = {
  patterns: [
    {
      group: ["@/app/**", "@/components/**", "../**/app/**", "../**/components/**"],
      message: "lib/ never imports app/ or components/: pass data down, not code up.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**", "components/**", "proxy.ts", "scripts/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", storageInternals] },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", upwardImports] },
  },
  globalIgnores([
    ".next-*/**",
    ".bench/**",
    ".scratch/**",
    "bench-results/**",
    ".next/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
