import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { checkFileLength, probeFile } from "./health";
import { readFileHeader } from "./file-header";

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** The POSIX locks this process holds on `file` (Linux's /proc/locks). */
function locksHeld(file: string): string[] {
  const { ino } = fs.statSync(file);
  return fs
    .readFileSync("/proc/locks", "utf8")
    .split("\n")
    .filter((line) => line.includes(` ${process.pid} `) && line.includes(`:${ino} `));
}

describe("reading a database file's header", () => {
  it.skipIf(!fs.existsSync("/proc/locks"))(
    "keeps SQLite's lock on a database open in WAL mode (so no other process can delete its -wal)",
    () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-header-"));
      const file = path.join(dir, "herald.db");
      const db = new Database(file);
      try {
        db.pragma("journal_mode = WAL");
        db.exec("create table t (x)");
        db.prepare("insert into t values (1)").run();
        expect(locksHeld(file)).toHaveLength(1);
        const seen = { size: 0 };
        for (let i = 0; i < 3; i++) {
          checkFileLength(file, { requireDatabase: true });
          probeFile(file, seen);
        }
        expect(locksHeld(file)).toHaveLength(1);
      } finally {
        db.close();
      }
    },
  );

  it("reads a file replaced at the same path afresh, and throws for a removed one", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-header-"));
    const file = path.join(dir, "f");
    fs.writeFileSync(file, "first");
    expect(readFileHeader(file, 100).toString()).toBe("first");
    fs.writeFileSync(`${file}.new`, "second file");
    fs.renameSync(`${file}.new`, file);
    expect(readFileHeader(file, 6).toString()).toBe("second");
    fs.rmSync(file);
    expect(() => readFileHeader(file, 100)).toThrow(/ENOENT/);
  });
});
