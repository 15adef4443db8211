import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTempDb,
  importAll,
  importRecords,
  makeRecord,
  type TempDb,
} from "../../test-support/temp-db";
import { findPathByLegacyArticleId, findPathByLegacySectionCode } from "./legacy";

const NOW = "2024-06-01T12:00:00.000Z";
let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
  await importAll(temp.db, [
    makeRecord("legacy-public", {
      headline: "Old story moves house",
      published: "2015-05-01",
      legacy_id: "20150501000123",
      section: "national/politics",
    }),
    makeRecord("legacy-draft", {
      published: "2015-05-02",
      legacy_id: "20150502000001",
      status: "draft",
    }),
  ]);
});
afterAll(async () => {
  await temp.destroy();
});

describe("legacy URLs", () => {
  it("finds a public article by the earlier site's id, never a draft", async () => {
    expect(await findPathByLegacyArticleId(temp.db, "20150501000123", NOW)).toMatch(
      /^\/article\/\d+\/old-story-moves-house$/,
    );
    expect(await findPathByLegacyArticleId(temp.db, "20150502000001", NOW)).toBeUndefined();
    expect(await findPathByLegacyArticleId(temp.db, "20990101000001", NOW)).toBeUndefined();
  });

  it("maps the earlier site's section codes to section fronts", async () => {
    expect(await findPathByLegacySectionCode(temp.db, "020100000000")).toBe("/national");
    expect(await findPathByLegacySectionCode(temp.db, "020101000000")).toBe("/national/politics");
    expect(await findPathByLegacySectionCode(temp.db, "021000000000")).toBe(
      "/english-eye/english-cafe",
    );
    expect(await findPathByLegacySectionCode(temp.db, "999999999999")).toBeUndefined();
  });

  it("rejects a legacy id that another article already holds, keeping the first", async () => {
    const report = await importRecords(temp.db, [
      makeRecord("legacy-thief", { legacy_id: "20150501000123" }),
    ]);
    expect(report.skipped).toEqual([
      { line: 1, reason: 'legacy_id: "20150501000123" already belongs to "legacy-public"' },
    ]);
    expect(await findPathByLegacyArticleId(temp.db, "20150501000123", NOW)).toMatch(
      /old-story-moves-house$/,
    );
  });

  it("within one batch, refuses a second claim on a legacy id and lets a freed one be taken", async () => {
    const report = await importRecords(temp.db, [
      makeRecord("legacy-batch-a", { legacy_id: "20160101000001" }),
      makeRecord("legacy-batch-b", { legacy_id: "20160101000001" }),
      // legacy-draft gives up its legacy id; a later line of the same batch may take it.
      makeRecord("legacy-draft", {
        published: "2015-05-02",
        legacy_id: "20150502000099",
        status: "draft",
      }),
      makeRecord("legacy-batch-c", { legacy_id: "20150502000001" }),
    ]);
    expect(report).toEqual({
      inserted: 2,
      updated: 1,
      skipped: [
        { line: 2, reason: 'legacy_id: "20160101000001" already belongs to "legacy-batch-a"' },
      ],
    });
    const holders = await temp.db
      .selectFrom("articles")
      .select(["external_id", "legacy_id"])
      .where("legacy_id", "in", ["20160101000001", "20150502000001", "20150502000099"])
      .orderBy("legacy_id")
      .execute();
    expect(holders).toEqual([
      { external_id: "legacy-batch-c", legacy_id: "20150502000001" },
      { external_id: "legacy-draft", legacy_id: "20150502000099" },
      { external_id: "legacy-batch-a", legacy_id: "20160101000001" },
    ]);
  });
});
