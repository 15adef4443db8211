import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkIslands, startsWithUseClient } from "./check-islands";

const CLIENT = '"use client";\n\nexport function X() {\n  return null;\n}\n';
const SERVER = "export function X() {\n  return null;\n}\n";
const TEST = 'import { test } from "vitest";\n\ntest("x", () => {});\n';

const roots: string[] = [];

/** Writes `files` (path → content) into a new temporary project and returns its root. */
function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-islands-"));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** A project that follows every rule. */
const GOOD = {
  "components/layout/Menu.island.tsx": CLIENT,
  "components/layout/Menu.island.test.tsx": TEST,
  "components/layout/Header.tsx": SERVER,
  "components/rails/Rail.island.tsx": "// The rail.\n'use client';\nexport const a = 1;\n",
  "components/rails/Rail.island.test.tsx": TEST,
  "app/layout.tsx": SERVER,
  "app/error.tsx": CLIENT,
  "app/article/[id]/error.tsx": CLIENT,
  "app/global-error.tsx": CLIENT,
  "lib/format/date.ts": SERVER,
  "lib/format/date.test.ts": TEST,
};

describe("startsWithUseClient", () => {
  test.each([
    ['"use client";\nimport x from "y";', true],
    ["'use client'\nexport {}", true],
    ['/** Docs. */\n// more\n"use client";\nexport {}', true],
    ['"use strict";\n"use client";\nexport {}', true],
    ['import x from "y";\n"use client";', false],
    ['("use client");\nexport {}', false],
    ['"use server";\nexport {}', false],
    ['"use client ";\nexport {}', false],
    ["export const s = 'use client';", false],
    ["", false],
  ])("%j → %s", (code, expected) => {
    expect(startsWithUseClient(code)).toBe(expected);
  });
});

describe("checkIslands", () => {
  test("accepts a project that follows the convention, and lists its islands", () => {
    expect(checkIslands(project(GOOD))).toEqual({
      islands: ["components/layout/Menu.island.tsx", "components/rails/Rail.island.tsx"],
      problems: [],
    });
  });

  test.each([
    {
      rule: "a client component not named *.island.tsx",
      files: { "components/share/Share.tsx": CLIENT },
      file: "components/share/Share.tsx",
      message: /not named \*\.island\.tsx \(rename it Share\.island\.tsx\)/,
    },
    {
      rule: "an island that does not start with use client",
      files: {
        "components/share/Share.island.tsx": SERVER,
        "components/share/Share.island.test.tsx": TEST,
      },
      file: "components/share/Share.island.tsx",
      message: /does not start with "use client"/,
    },
    {
      rule: "an island without a test beside it",
      files: {
        "components/share/Share.island.tsx": CLIENT,
        "components/Share.island.test.tsx": TEST,
      },
      file: "components/share/Share.island.tsx",
      message: /no component test beside it \(components\/share\/Share\.island\.test\.tsx\)/,
    },
    {
      rule: "a client file in lib/",
      files: { "lib/hooks/useThing.ts": CLIENT },
      file: "lib/hooks/useThing.ts",
      message: /outside components\//,
    },
    {
      rule: "a client page in app/",
      files: { "app/search/page.tsx": CLIENT },
      file: "app/search/page.tsx",
      message: /outside components\//,
    },
    {
      rule: "a global-error.tsx below the root of app/",
      files: { "app/article/global-error.tsx": CLIENT },
      file: "app/article/global-error.tsx",
      message: /outside components\//,
    },
    {
      rule: "an island file outside components/",
      files: { "app/Widget.island.tsx": CLIENT, "app/Widget.island.test.tsx": TEST },
      file: "app/Widget.island.tsx",
      message: /island outside components\//,
    },
  ])("reports $rule", ({ files, file, message }) => {
    const { problems } = checkIslands(
      project({ ...GOOD, ...(files as unknown as Record<string, string>) }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(file);
    expect(problems[0]!.message).toMatch(message);
  });

  test("reports every offending file of a bad layout, one problem each", () => {
    const root = project({
      ...GOOD,
      "components/a/One.tsx": CLIENT,
      "components/a/Two.island.tsx": CLIENT,
      "lib/three.ts": CLIENT,
    });
    expect(checkIslands(root).problems.map((p) => p.file)).toEqual([
      "components/a/One.tsx",
      "components/a/Two.island.tsx",
      "lib/three.ts",
    ]);
  });

  test("ignores node_modules and dot-folders, and a project without the folders", () => {
    const root = project({
      ...GOOD,
      "components/node_modules/pkg/index.js": CLIENT,
      "app/.cache/chunk.js": CLIENT,
    });
    expect(checkIslands(root).problems).toEqual([]);
    expect(checkIslands(project({}))).toEqual({ islands: [], problems: [] });
  });
});

// Each run starts tsx and the TypeScript parser: give a loaded machine time.
describe("the command", { timeout: 60_000 }, () => {
  const script = path.join(import.meta.dirname, "check-islands.ts");
  const run = (root: string) =>
    spawnSync(process.execPath, ["--import", "tsx", script, root], { encoding: "utf8" });

  test("exits 0 on a good layout", () => {
    const result = run(project(GOOD));
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/2 islands/);
    expect(result.status).toBe(0);
  });

  test("exits 1 on a bad layout, with one line naming each offending file", () => {
    const result = run(project({ ...GOOD, "components/a/One.tsx": CLIENT, "lib/two.ts": CLIENT }));
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^check-islands: components\/a\/One\.tsx starts with "use client"/);
    expect(lines[1]).toMatch(/^check-islands: lib\/two\.ts starts with "use client"/);
    expect(lines).toHaveLength(3);
  });
});
