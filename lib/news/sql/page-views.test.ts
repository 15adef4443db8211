import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashReaderId, recordPageView } from "./page-views";
import {
  MINUTE_MS,
  countRows,
  createSmallSite,
  createTempDb,
  shiftIso,
  type TempDb,
  idLookup,
} from "../test-support/temp-db";

const T0 = "2024-06-01T12:00:00.000Z";
const at = (minutes: number) => shiftIso(T0, minutes * MINUTE_MS);

let temp: TempDb;
let ids: Map<string, number>;

beforeAll(async () => {
  temp = await createTempDb();
  ids = await createSmallSite(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});

const idOf = idLookup(() => ids);

describe("recordPageView", () => {
  it("counts a reader's view once per 30 minutes, and every reader separately", async () => {
    const story = idOf("s01");
    const view = (readerId: string, minutes: number) =>
      recordPageView(temp.db, { articleId: story, readerId, now: at(minutes) });

    expect(await view("reader-a", 0)).toEqual({ counted: true });
    expect(await view("reader-a", 10)).toEqual({ counted: false, reason: "repeat" });
    expect(await view("reader-a", 29)).toEqual({ counted: false, reason: "repeat" });
    expect(await view("reader-b", 10)).toEqual({ counted: true });
    expect(await view("reader-a", 31)).toEqual({ counted: true });
    expect(await view("reader-a", 45)).toEqual({ counted: false, reason: "repeat" });
    // Another story by the same reader is its own view.
    expect(
      await recordPageView(temp.db, { articleId: idOf("s02"), readerId: "reader-a", now: at(45) }),
    ).toEqual({ counted: true });

    const rows = await temp.db
      .selectFrom("page_views")
      .select(["article_id", "reader_hash", "viewed_at"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { article_id: story, reader_hash: hashReaderId("reader-a"), viewed_at: at(0) },
      { article_id: story, reader_hash: hashReaderId("reader-b"), viewed_at: at(10) },
      { article_id: story, reader_hash: hashReaderId("reader-a"), viewed_at: at(31) },
      { article_id: idOf("s02"), reader_hash: hashReaderId("reader-a"), viewed_at: at(45) },
    ]);
  });

  it("counts 300 simultaneous views of one reader once (PostgreSQL: the lock on story and reader)", async () => {
    const story = idOf("s03");
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, () =>
        temp.store.recordPageView({ articleId: story, readerId: "reader-rush", now: at(0) }),
      ),
    );
    expect(outcomes.filter((o) => o.counted)).toHaveLength(1);
    const views = await temp.db
      .selectFrom("page_views")
      .select("id")
      .where("article_id", "=", story)
      .execute();
    expect(views).toHaveLength(1);
  });

  it("stores a truncated hash of the reader id, never the id itself", () => {
    const hash = hashReaderId("reader-a");
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    // The first 32 hex digits of SHA-256("reader-a").
    expect(hash).toBe("67da24537abf8d38f84f2e88f23f21fd");
    expect(hashReaderId("reader-a")).toBe(hash);
    expect(hashReaderId("reader-b")).not.toBe(hash);
  });

  it('does not count views of drafts, future stories or unknown ids ("not-found")', async () => {
    const before = await countRows(temp.db, "page_views");
    for (const articleId of [idOf("draft"), idOf("future"), 999_999]) {
      expect(
        await recordPageView(temp.db, { articleId, readerId: "reader-c", now: at(100) }),
      ).toEqual({
        counted: false,
        reason: "not-found",
      });
    }
    expect(await countRows(temp.db, "page_views")).toBe(before);
  });
});
