import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FRESH_SECONDS } from "./freshness";

/**
 * Next.js reads a route's `export const revalidate` statically, so each route spells the number
 * itself. This keeps every one of them equal to FRESH_SECONDS, the news module's one freshness
 * setting, apart from the routes listed here with their reason.
 */
const OWN_WINDOW: Record<string, { seconds: number; why: string }> = {
  "app/og/article/[id]/route.tsx": {
    seconds: 3600,
    why: "a share card changes with its headline only",
  },
  "app/og/front/[[...segments]]/route.ts": {
    seconds: 3600,
    why: "a front's share card changes with section names only",
  },
};

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(file);
    return /^(page|route|layout)\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("route freshness", () => {
  const routes = routeFiles("app").map((file) => ({
    file: file.split(path.sep).join("/"),
    revalidate: /export const revalidate = (\d+);/.exec(fs.readFileSync(file, "utf8"))?.[1],
  }));

  it("finds the routes that declare a window", () => {
    expect(routes.filter((r) => r.revalidate !== undefined).length).toBeGreaterThan(10);
  });

  it.each(routes.filter((r) => r.revalidate !== undefined))(
    "$file revalidates after FRESH_SECONDS (or its documented window)",
    ({ file, revalidate }) => {
      expect(Number(revalidate)).toBe(OWN_WINDOW[file]?.seconds ?? FRESH_SECONDS);
    },
  );
});
