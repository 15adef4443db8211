import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchArticles } from "../../sql/queries/search";
import { createTempDb, importAll, makeRecord, type TempDb } from "../../test-support/temp-db";
import {
  rebuildSearchIndex,
  searchFacets,
  syncSearchIndex,
  withDeferredSearchIndex,
} from "./index-sync";

const NOW = "2024-06-01T12:00:00.000Z";
let temp: TempDb;

const found = async (q: string) =>
  (await searchArticles(temp.db, temp.search, { q, page: 1 }, NOW)).hits.map((h) => h.headline);
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

  it("indexes an import exactly as the triggers' view would (withBulkSearchIndex)", async () => {
    await importAll(temp.db, [
      makeRecord("bulk-1", {
        headline: "Ferry <b>strike</b> ends",
        standfirst: "Crews return.",
        body: ["First  paragraph.", "Second one, with Ünïcode and 한국의 words."],
        section: "news",
        tags: ["Transport", "transport", "Strikes"],
        author: "Lee Ji-woo",
        published: "2021-12-31T20:00:00Z",
      }),
      makeRecord("bulk-2", {
        headline: "Draft story",
        section: "news",
        status: "draft",
        body: ["Words in 한국의 script.", "Ärger  über Café"],
      }),
      makeRecord("bulk-1", { headline: "Ferry strike ends", section: "news", tags: ["Zebra"] }),
    ]);
    // A later import replaces what the first one indexed.
    await importAll(temp.db, [
      makeRecord("bulk-1", {
        headline: "Ferry strike ends at last",
        section: "news",
        tags: ["Zebra", "Arctic"],
      }),
    ]);
    const snapshot = async () => {
      const rows = await sql<{ term: string; doc: number; col: string; offset: number }>`
        select term, doc, col, offset from search_instances order by doc, col, offset`.execute(
        temp.db,
      );
      const heads = await sql<{ term: string; doc: number }>`
        select term, doc from headline_instances order by doc, offset`.execute(temp.db);
      return { rows: rows.rows, heads: heads.rows };
    };
    await sql`create virtual table temp.search_instances using fts5vocab(main, article_search, instance)`.execute(
      temp.db,
    );
    await sql`create virtual table temp.headline_instances using fts5vocab(main, article_headlines, instance)`.execute(
      temp.db,
    );
    try {
      const imported = await snapshot();
      expect(imported.rows.some((r) => r.term === "한국의")).toBe(true);
      await rebuildSearchIndex(temp.db);
      expect(imported).toEqual(await snapshot());
    } finally {
      await sql`drop table temp.search_instances`.execute(temp.db);
      await sql`drop table temp.headline_instances`.execute(temp.db);
    }
    expect(await count("search_defer")).toBe(0);
    expect(await found("ferry")).toEqual(["Ferry strike ends at last"]);
  });

  it("writes facet words as the view does (KST year and month)", () => {
    expect(searchFacets(3, "2021-12-31T15:00:00.000Z")).toBe("\uE000s3 \uE000y2022 \uE000m202201");
    expect(searchFacets(3, "2021-12-31T14:59:59.000Z")).toBe("\uE000s3 \uE000y2021 \uE000m202112");
    expect(searchFacets(7, null)).toBe("\uE000s7");
  });
});
