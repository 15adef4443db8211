import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchArticles } from "../queries/search";
import { createTempDb, importAll, makeRecord, type TempDb } from "../test-support/temp-db";
import { rebuildSearchIndex, syncSearchIndex, withDeferredSearchIndex } from "./index-sync";

const NOW = "2024-06-01T12:00:00.000Z";
let temp: TempDb;

const found = async (q: string) =>
  (await searchArticles(temp.db, { q, page: 1 }, NOW)).hits.map((h) => h.headline);
const count = async (table: string) =>
  (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(temp.db)).rows[0]
    ?.n;

beforeAll(async () => {
  temp = await createTempDb();
  await sql`insert into sections (slug, name, parent_id, position) values ('news', 'News', null, 0)`.execute(
    temp.db,
  );
  await importAll(temp.db, [
    makeRecord("a", { headline: "Walrus census", section: "news", tags: ["Arctic"] }),
    makeRecord("b", { headline: "Narwhal census", section: "news" }),
  ]);
});
afterAll(async () => {
  await temp.destroy();
});

describe("search index upkeep", () => {
  it("defers indexing inside a transaction and indexes once at its end", async () => {
    await temp.db.transaction().execute(async (trx) => {
      await withDeferredSearchIndex(trx, async () => {
        await sql`update articles set headline = 'Beluga census' where external_id = 'b'`.execute(
          trx,
        );
        const dirty = await sql<{ n: number }>`select count(*) as n from search_dirty`.execute(trx);
        expect(dirty.rows[0]?.n).toBe(1);
        // Not indexed yet: the trigger only noted the article.
        const hit =
          await sql`select rowid from article_search where article_search match 'beluga'`.execute(
            trx,
          );
        expect(hit.rows).toEqual([]);
      });
    });
    expect(await found("beluga")).toEqual(["Beluga census"]);
    expect(await found("narwhal")).toEqual([]);
    expect([await count("search_dirty"), await count("search_defer")]).toEqual([0, 0]);
  });

  it("ends the deferral even when the write fails", async () => {
    await expect(
      temp.db.transaction().execute((trx) =>
        withDeferredSearchIndex(trx, async () => {
          throw new Error("boom");
        }),
      ),
    ).rejects.toThrow("boom");
    expect(await count("search_defer")).toBe(0);
    expect(await syncSearchIndex(temp.db)).toBe(0);
  });

  it("rebuilds both indexes from the articles", async () => {
    await sql`insert into article_search (article_search) values ('delete-all')`.execute(temp.db);
    expect(await found("walrus")).toEqual([]);
    await rebuildSearchIndex(temp.db);
    expect(await found("walrus")).toEqual(["Walrus census"]);
    expect(await found("arctic")).toEqual(["Walrus census"]);
    const headlines = await sql<{
      id: number;
    }>`select rowid as id from article_headlines where article_headlines match 'wal*'`.execute(
      temp.db,
    );
    expect(headlines.rows).toHaveLength(1);
  });
});
