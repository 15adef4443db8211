import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { recordPageView as recordInDb } from "./sql/page-views";
import { createSmallSite, createTempDb, idLookup, type TempDb } from "./test-support/temp-db";
import type { NewsStore } from "./store";
import { recordPageView } from "./writes";

/** The process's store, as the tests set it: a failing one, or a temporary database. */
let store: () => Promise<NewsStore>;
vi.mock("./connect", () => ({ getStore: () => store() }));

let temp: TempDb;
let ids: Map<string, number>;
const idOf = idLookup(() => ids);
const NOW = "2024-06-01T12:00:00.000Z";

beforeAll(async () => {
  temp = await createTempDb();
  ids = await createSmallSite(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});
beforeEach(() => {
  store = async () => ({ recordPageView: (view) => recordInDb(temp.db, view) }) as NewsStore;
});

/** A store whose page-view write fails as better-sqlite3 fails, with `code`. */
const failingWith = (code: string, message: string) => async () =>
  ({
    recordPageView: () => Promise.reject(Object.assign(new Error(message), { code })),
  }) as unknown as NewsStore;

describe("recordPageView (writes)", () => {
  it("counts a view through the store", async () => {
    const view = { articleId: idOf("s01"), readerId: "reader-w", now: NOW };
    expect(await recordPageView(view)).toEqual({ counted: true });
    expect(await recordPageView(view)).toEqual({ counted: false, reason: "repeat" });
  });

  it('drops the view of a read-only database with one log line: "unavailable", never a throw', async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await sql`pragma query_only = on`.execute(temp.db);
    try {
      const view = { articleId: idOf("s02"), readerId: "reader-r", now: NOW };
      expect(await recordPageView(view)).toEqual({ counted: false, reason: "unavailable" });
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]![0])).toMatch(
        new RegExp(`^herald: page view of story ${view.articleId} dropped: SQLITE_READONLY`),
      );
    } finally {
      await sql`pragma query_only = off`.execute(temp.db);
      log.mockRestore();
    }
  });

  it.each([
    ["SQLITE_IOERR_WRITE", "disk I/O error"],
    ["SQLITE_CORRUPT", "database disk image is malformed"],
    ["SQLITE_FULL", "database or disk is full"],
    ["SQLITE_BUSY", "database is locked"],
  ])(
    'drops the view when the write fails with %s: "unavailable", one log line',
    async (code, message) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      store = failingWith(code, message);
      try {
        expect(await recordPageView({ articleId: 1, readerId: "r", now: NOW })).toEqual({
          counted: false,
          reason: "unavailable",
        });
        expect(log).toHaveBeenCalledTimes(1);
        expect(String(log.mock.calls[0]![0])).toContain(`${code} ${message}`);
      } finally {
        log.mockRestore();
      }
    },
  );

  it('drops the view when the store cannot be opened at all: "unavailable"', async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    store = () => Promise.reject(new Error("The database data/herald.db is not set up"));
    try {
      expect(await recordPageView({ articleId: 1, readerId: "r", now: NOW })).toEqual({
        counted: false,
        reason: "unavailable",
      });
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });
});
