import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addSection,
  countRows,
  createTempDb,
  importAll,
  makeRecord,
  tempDbPath,
  type TempDb,
} from "../lib/news/test-support/temp-db";
import { withPostgres } from "../lib/news/test-support/copy-content";

/**
 * `npm run copy-database` as an operator runs it: its arguments, its summary lines and its exit
 * status (0 copied, 1 refused, 2 bad arguments). What it copies is tested in
 * lib/news/copy/copy-database.test.ts.
 */
function copyDatabase(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/copy-database.ts", ...args],
    {
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run copy-database", () => {
  it("exits 2 with its usage on bad arguments", () => {
    for (const args of [
      [],
      ["--from", "data/herald.db"],
      ["--from", "data/herald.db", "--to", "http://example.com/herald"],
      ["--from", "data/herald.db", "--to", "postgres://h/db", "--force"],
    ]) {
      const run = copyDatabase(...args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/usage: npm run copy-database -- --from FILE\.db --to postgres:/);
    }
  });

  it("exits 2 for a file that does not exist, without creating it", () => {
    const missing = tempDbPath();
    const run = copyDatabase("--from", missing, "--to", "postgres://h/db");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`no such file: ${missing}`);
    expect(fs.existsSync(missing)).toBe(false);
  });

  describe.skipIf(!withPostgres)("on a database", () => {
    let sqlite: TempDb;
    let postgres: TempDb;
    beforeAll(async () => {
      [sqlite, postgres] = await Promise.all([
        createTempDb({ backend: "sqlite" }),
        createTempDb({ backend: "postgres" }),
      ]);
      await addSection(sqlite.db, "national");
      await importAll(sqlite.db, [makeRecord("one"), makeRecord("two")]);
    });
    afterAll(async () => {
      await Promise.all([sqlite?.destroy(), postgres?.destroy()]);
    });

    it("copies, with a line per table, then refuses to copy again (exit 1) unless told to replace", async () => {
      const copied = copyDatabase("--from", sqlite.file, "--to", postgres.file);
      expect(copied.stderr).not.toMatch(/error/i);
      expect(copied.status).toBe(0);
      expect(copied.stdout).toMatch(/copy-database: articles +2 rows/);
      expect(copied.stdout).toMatch(/copy-database: sections +1 rows/);
      expect(copied.stdout).toMatch(/search index: 2 articles/);
      expect(copied.stderr).toMatch(/copy-database: articles: 2 of 2 rows/);
      expect(await countRows(postgres.db, "articles")).toBe(2);

      const again = copyDatabase("--from", sqlite.file, "--to", postgres.file);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/is not empty \(.*articles.*--replace/);

      const replaced = copyDatabase("--from", sqlite.file, "--to", postgres.file, "--replace");
      expect(replaced.status).toBe(0);
      expect(replaced.stdout).toMatch(/emptied first: .*articles/);
      expect(await countRows(postgres.db, "articles")).toBe(2);
    });
  });
});
