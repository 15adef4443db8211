import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentOf, migratedUpTo, withPostgres } from "../test-support/copy-content";
import {
  addSection,
  createTempDb,
  importAll,
  makeRecord,
  type TempDb,
} from "../test-support/temp-db";
import { CopyRefusedError, copySqliteToPostgres } from "./copy-database";
import { COPIED_TABLES } from "./tables";

/**
 * What `npm run copy-database` refuses (a target that holds content, a side with migrations
 * pending) and what a copy that fails midway leaves: in each case, a target as it was.
 */
describe.skipIf(!withPostgres)("a copy that must not start", () => {
  let sqlite: TempDb;
  beforeAll(async () => {
    sqlite = await createTempDb({ backend: "sqlite", inMemory: true });
    await addSection(sqlite.db, "national");
    await importAll(sqlite.db, [makeRecord("one"), makeRecord("two")]);
  });
  afterAll(async () => {
    await sqlite?.destroy();
  });

  it("refuses a target that holds content, writing nothing; with replace, empties it first", async () => {
    const target = await createTempDb({ backend: "postgres" });
    try {
      await addSection(target.db, "national");
      await addSection(target.db, "elsewhere");
      await importAll(target.db, [makeRecord("theirs")]);
      const before = await contentOf(target.db);
      const copy = copySqliteToPostgres(sqlite.db, target.db);
      await expect(copy).rejects.toThrow(CopyRefusedError);
      await expect(copy).rejects.toThrow(/is not empty \(sections, .*articles.*--replace/);
      expect(await contentOf(target.db)).toEqual(before);

      const report = await copySqliteToPostgres(sqlite.db, target.db, { replace: true });
      expect(report.replaced).toContain("articles");
      expect(await contentOf(target.db)).toEqual(await contentOf(sqlite.db));
    } finally {
      await target.destroy();
    }
  });

  it("leaves the target empty when it fails midway", async () => {
    const target = await createTempDb({ backend: "postgres" });
    try {
      const copy = copySqliteToPostgres(sqlite.db, target.db, {
        onProgress: (table) => {
          if (table === "articles") throw new Error("stopped after the articles");
        },
      });
      await expect(copy).rejects.toThrow("stopped after the articles");
      const empty = Object.fromEntries(COPIED_TABLES.map(({ table }) => [table, []]));
      expect(await contentOf(target.db)).toEqual(empty);
      // And a second try copies everything.
      await copySqliteToPostgres(sqlite.db, target.db);
      expect(await contentOf(target.db)).toEqual(await contentOf(sqlite.db));
    } finally {
      await target.destroy();
    }
  });

  it("refuses a target with migrations pending, naming npm run setup", async () => {
    const target = await migratedUpTo("postgres", "0005-scale");
    try {
      const copy = copySqliteToPostgres(sqlite.db, target.db);
      await expect(copy).rejects.toThrow(CopyRefusedError);
      await expect(copy).rejects.toThrow(
        /\d+ migration\(s\) pending, from 0006-search-bulk.*npm run setup/,
      );
      expect(await target.db.selectFrom("articles").selectAll().execute()).toEqual([]);
    } finally {
      await target.destroy();
    }
  });

  it("refuses a source with migrations pending, naming npm run setup", async () => {
    const [source, target] = await Promise.all([
      migratedUpTo("sqlite", "0003-withdrawn"),
      createTempDb({ backend: "postgres" }),
    ]);
    try {
      await expect(copySqliteToPostgres(source.db, target.db)).rejects.toThrow(
        /pending, from 0004-search.*npm run setup/,
      );
      expect(await target.db.selectFrom("sections").selectAll().execute()).toEqual([]);
    } finally {
      await Promise.all([source.destroy(), target.destroy()]);
    }
  });
});
