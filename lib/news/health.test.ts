import { execFileSync } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../config";
import { checkStoreForServing, closeStore, getStore, noteFailures } from "./connect";
import { clearOutage, currentOutage, RETRY_AFTER_SECONDS, StoreUnavailableError } from "./outage";
import { setUpStore } from "./setup";
import { probeStore } from "./states";
import { openDatabase } from "./sqlite/connection";
import { checkDatabase } from "./sqlite/health";
import { tempDbPath } from "./test-support/temp-db";
import { isRoot, WITHOUT_ROOT_POWERS } from "../test-support/without-root-powers";
import type { NewsStore } from "./store";

/**
 * Failures are honest: a server checks its database before it serves (instrumentation.ts), and a
 * database that fails while it runs is noted as an outage, which proxy.ts answers with a 503.
 */
const files: string[] = [];
function tempFile(): string {
  const file = tempDbPath();
  files.push(file);
  return file;
}
const configOf = (file: string) =>
  readConfig({ ...process.env, HERALD_DATABASE_PATH: file, HERALD_SEED: "0" });

async function setUpFile(): Promise<string> {
  const file = tempFile();
  await setUpStore({ config: configOf(file) });
  return file;
}

afterEach(async () => {
  await closeStore();
  delete (globalThis as { __heraldProbedAt?: number }).__heraldProbedAt;
  clearOutage();
  vi.restoreAllMocks();
  delete process.env.HERALD_DATABASE_PATH;
  for (const file of files.splice(0))
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

describe("the start-up check", () => {
  it("passes a database that is set up", async () => {
    await expect(checkStoreForServing(configOf(await setUpFile()))).resolves.toBeNull();
  });

  it("checks a file over the quick_check size by its structure, and says so", async () => {
    const file = await setUpFile();
    const db = openDatabase(file);
    try {
      expect(await checkDatabase(db, file, 1024)).toMatch(/structure was checked, not every page/);
      // Under the limit, the full quick_check: no note.
      await expect(checkDatabase(db, file)).resolves.toBeNull();
    } finally {
      await db.destroy();
    }
  });

  it.each([
    [
      "truncated",
      (good: Buffer) => good.subarray(0, 40_000),
      /is truncated: 40000 bytes, where its header counts \d+ pages/,
    ],
    [
      "random bytes",
      () => Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 251)),
      /not a database \(SQLITE_NOTADB\)/,
    ],
    ["zero-length", () => Buffer.alloc(0), /is not set up \(\d+ migration\(s\) pending/],
  ])("refuses a %s file, naming it and the reason", async (_name, damage, reason) => {
    const good = fs.readFileSync(await setUpFile());
    const file = tempFile();
    fs.writeFileSync(file, damage(good));
    const check = checkStoreForServing(configOf(file));
    await expect(check).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(check).rejects.toThrow(file);
    await expect(check).rejects.toThrow(reason);
  });

  it("refuses a file that does not exist, without creating it", async () => {
    const file = tempFile();
    await expect(checkStoreForServing(configOf(file))).rejects.toThrow(/does not exist/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses a database the server cannot write", async () => {
    const file = await setUpFile();
    fs.chmodSync(file, 0o444);
    // Root writes read-only files regardless, so there the check runs without the powers to.
    if (!isRoot()) {
      await expect(checkStoreForServing(configOf(file))).rejects.toThrow(/cannot be written/);
      return;
    }
    const probe = `import("${new URL("./connect.ts", import.meta.url).pathname}").then(({ checkStoreForServing }) => checkStoreForServing()).then(() => console.log("passed"), (e) => console.log(e.message))`;
    const [setpriv, ...drop] = WITHOUT_ROOT_POWERS;
    const output = execFileSync(
      setpriv,
      [...drop, process.execPath, "--import", "tsx", "-e", probe],
      { env: { ...process.env, HERALD_DATABASE_PATH: file }, encoding: "utf8" },
    );
    expect(output).toMatch(new RegExp(`${file} cannot be written \\(EACCES\\)`));
  });
});

describe("a database that fails while the server runs", () => {
  it("is noted as an outage, with one log line, that ends RETRY_AFTER_SECONDS later", async () => {
    const file = await setUpFile();
    process.env.HERALD_DATABASE_PATH = file;
    const store = await getStore();
    expect(await store.sectionTree()).toEqual([]);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Another process replaces the file's contents with garbage: pages are read afresh.
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    fs.rmSync(file + "-wal", { force: true });
    fs.rmSync(file + "-shm", { force: true });
    await expect(store.article(1, new Date().toISOString())).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    const outage = currentOutage();
    expect(outage?.reason).toContain(file);
    expect(outage?.retryAfter).toBe(RETRY_AFTER_SECONDS);
    expect(error).toHaveBeenCalledTimes(1);
    expect(currentOutage(Date.now() + RETRY_AFTER_SECONDS * 1000 + 1)).toBeNull();
  });
});

describe("the probe", () => {
  it("notes an outage within a second of the file being overwritten, before any page reads it", async () => {
    const file = await setUpFile();
    process.env.HERALD_DATABASE_PATH = file;
    await getStore();
    const now = Date.now();
    await probeStore(now);
    expect(currentOutage()).toBeNull();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    await probeStore(now + 500); // probed less than a second ago: not again
    expect(currentOutage()).toBeNull();
    await probeStore(now + 1_000);
    expect(currentOutage()?.reason).toMatch(/is no longer a SQLite database/);
  });
});

describe("the probe, once the server has written", () => {
  it("notes a file cut short even while the write-ahead log holds pages", async () => {
    const file = await setUpFile();
    process.env.HERALD_DATABASE_PATH = file;
    await getStore();
    // Another process writes; the server's connection stays open, so the log keeps its pages.
    const writer = new Database(file);
    writer.exec("create table probe_test (x); insert into probe_test values (1);");
    writer.close();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const now = Date.now();
    await probeStore(now);
    expect(currentOutage()).toBeNull();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    fs.truncateSync(file, 8192);
    await probeStore(now + 1_000);
    // From the header when the log is empty, else from the size the last probe saw.
    expect(currentOutage()?.reason).toMatch(
      /shrank from \d+ to 8192 bytes|is truncated: 8192 bytes/,
    );
  });

  it("notes a file that vanished", async () => {
    const file = await setUpFile();
    process.env.HERALD_DATABASE_PATH = file;
    await getStore();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    fs.rmSync(file);
    await probeStore(Date.now() + 1_000);
    expect(currentOutage()?.reason).toMatch(/cannot be read \(ENOENT\)/);
  });
});

describe("a write that fails while the server runs", () => {
  it("is its caller's to report: pages, which only read, are still served", async () => {
    const failing = async () => {
      throw new StoreUnavailableError("file.db: attempt to write a readonly database");
    };
    const store = noteFailures({
      recordPageView: failing,
      withdraw: failing,
      article: failing,
    } as unknown as NewsStore);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(store.recordPageView({ articleId: 1, readerId: "r", now: "" })).rejects.toThrow();
    await expect(store.withdraw(1, "")).rejects.toThrow();
    expect(currentOutage()).toBeNull();
    await expect(store.article(1, "")).rejects.toThrow();
    expect(currentOutage()).not.toBeNull();
  });
});
