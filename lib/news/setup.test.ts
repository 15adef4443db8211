import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../config";
import { closeStore, getStore, openStore } from "./connect";
import { clearOutage } from "./outage";
import { setUpStore } from "./setup";
import { tempDbPath } from "./test-support/temp-db";

/** The set-up step and the server's store, on a fresh database file each. */
const files: string[] = [];
function configFor(seed: boolean) {
  const file = tempDbPath();
  files.push(file);
  return readConfig({ ...process.env, HERALD_DATABASE_PATH: file, HERALD_SEED: seed ? "1" : "0" });
}

afterEach(async () => {
  await closeStore();
  clearOutage();
  vi.restoreAllMocks();
  delete process.env.HERALD_DATABASE_PATH;
  for (const file of files.splice(0))
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

describe("setUpStore", () => {
  it("migrates and loads the default content once, then does nothing", async () => {
    const config = configFor(true);
    const first = await setUpStore({ config });
    expect(first.migrated.length).toBeGreaterThan(0);
    expect(first.seeded?.inserted).toBeGreaterThan(300);
    expect(first.seeded?.skipped).toEqual([]);
    const again = await setUpStore({ config });
    expect(again).toEqual({ migrated: [], seeded: null });
    const store = await openStore(config);
    expect((await store.sectionTree()).length).toBe(9);
    await store.close();
  });

  it("leaves an empty database empty when HERALD_SEED is 0", async () => {
    const config = configFor(false);
    expect((await setUpStore({ config })).seeded).toBeNull();
    const store = await openStore(config);
    expect(await store.schemaStatus()).toEqual({ pending: [] });
    expect(await store.sectionTree()).toEqual([]);
    await store.close();
  });
});

describe("opening a store", () => {
  it("only opens: a new file has every migration pending", async () => {
    const store = await openStore(configFor(false));
    const { pending } = await store.schemaStatus();
    expect(pending[0]).toBe("0001-initial");
    await store.close();
  });

  it("refuses to serve a database that is not set up, naming the command that fixes it", async () => {
    const config = configFor(false);
    process.env.HERALD_DATABASE_PATH = config.databasePath;
    vi.spyOn(console, "error").mockImplementation(() => undefined); // the outage's log line
    await expect(getStore()).rejects.toThrow(/does not exist\. Run `npm run setup`/);
    expect(fs.existsSync(config.databasePath)).toBe(false); // a server never creates the file
    await (await openStore(config)).close(); // an empty database, as a new file is
    await expect(getStore()).rejects.toThrow(/not set up .*npm run setup/);
    await setUpStore({ config });
    // A failed open is not kept: the next call opens the database that is now set up.
    await expect(getStore()).resolves.toBeTruthy();
  });
});
