/**
 * `npm run check:islands` (or `tsx scripts/check-islands.ts [ROOT]`): keeps the client islands named and placed by convention, so the file
 * name says where code runs. A file that starts with "use client" is an island; islands are named
 * `*.island.tsx`, live under components/, and have a component test beside them
 * (`*.island.test.tsx`). Exit status: 0 when every file follows the convention, 1 with one line
 * per offending file otherwise.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

/** One broken rule: the file (relative to the checked root, with "/") and what is wrong. */
export type IslandProblem = { file: string; message: string };

/** What a check found: the islands under components/ and every broken rule. */
export type IslandReport = { islands: string[]; problems: IslandProblem[] };

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const ISLAND = /\.island\.tsx$/;
const TEST = /\.test\.[cm]?[jt]sx?$/;
/** Next.js file conventions that must be client components: error.tsx in any route segment. */
const APP_ERROR = /^error\.[jt]sx?$/;
/** …and global-error.tsx, in the root of app/ only. */
const APP_GLOBAL_ERROR = /^global-error\.[jt]sx?$/;

/** Source files under `dir` (relative to `root`), skipping node_modules and dot-folders. */
function sourceFiles(root: string, dir: string): string[] {
  const start = path.join(root, dir);
  if (!fs.existsSync(start)) return [];
  const files: string[] = [];
  const walk = (abs: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const child = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && SOURCE.test(entry.name)) {
        files.push(path.relative(root, child).split(path.sep).join("/"));
      }
    }
  };
  walk(start);
  return files.sort();
}

/**
 * Whether the file's directive prologue (the string-literal statements before any other code,
 * comments allowed) holds "use client" exactly, as React and Next.js read it.
 */
export function startsWithUseClient(code: string, fileName = "file.tsx"): boolean {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false);
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    if (statement.expression.getText(source).slice(1, -1) === "use client") return true;
  }
  return false;
}

/**
 * Checks the island conventions in the project at `root`: under components/, a file that starts
 * with "use client" is named `*.island.tsx`, a `*.island.tsx` starts with "use client", and each
 * island has a sibling `*.island.test.tsx`; in lib/ no file starts with "use client", and in app/
 * only Next.js's error.tsx (any segment) and global-error.tsx (root) may. Reads files only.
 */
export function checkIslands(root: string): IslandReport {
  const problems: IslandProblem[] = [];
  const islands: string[] = [];
  const isClient = (file: string) =>
    startsWithUseClient(fs.readFileSync(path.join(root, file), "utf8"), file);

  for (const file of sourceFiles(root, "components")) {
    if (TEST.test(file)) continue;
    const client = isClient(file);
    if (ISLAND.test(file)) {
      if (!client) {
        problems.push({
          file,
          message: 'is named *.island.tsx but does not start with "use client"',
        });
        continue;
      }
      islands.push(file);
      const test = file.replace(ISLAND, ".island.test.tsx");
      if (!fs.existsSync(path.join(root, test))) {
        problems.push({ file, message: `has no component test beside it (${test})` });
      }
    } else if (client) {
      const base = path.posix.basename(file).replace(/\.[^.]+$/, "");
      problems.push({
        file,
        message: `starts with "use client" but is not named *.island.tsx (rename it ${base}.island.tsx)`,
      });
    }
  }

  for (const dir of ["lib", "app"]) {
    for (const file of sourceFiles(root, dir)) {
      const name = path.posix.basename(file);
      const convention =
        dir === "app" &&
        (APP_ERROR.test(name) || (APP_GLOBAL_ERROR.test(name) && file === `app/${name}`));
      if (ISLAND.test(file)) {
        problems.push({ file, message: "is an island outside components/ (move it there)" });
      } else if (!convention && !TEST.test(file) && isClient(file)) {
        problems.push({
          file,
          message: `starts with "use client" outside components/ (move the client part to a components/**/*.island.tsx)`,
        });
      }
    }
  }
  return { islands, problems };
}

/** Runs the check on this repository (or the folder given) and prints what it found. */
function main(): number {
  const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, ".."));
  const { islands, problems } = checkIslands(root);
  for (const { file, message } of problems) console.error(`check-islands: ${file} ${message}`);
  if (problems.length > 0) {
    console.error(
      `check-islands: ${problems.length} problem(s). Client components ("use client") are named ` +
        "*.island.tsx, live under components/ and have a *.island.test.tsx beside them.",
    );
    return 1;
  }
  console.log(`check-islands: ${islands.length} islands, each named, placed and tested`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
