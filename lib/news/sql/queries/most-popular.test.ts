import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DAY_MS,
  HOUR_MS,
  createSmallSite,
  createTempDb,
  shiftIso,
  type TempDb,
  idLookup,
} from "../../test-support/temp-db";
import { MOST_READ_MAX_AGE_MS, getMostPopular } from "./most-popular";

const NOW = "2024-06-01T12:00:00.000Z";
const LIMIT = 10;

let temp: TempDb;
let ids: Map<string, number>;

beforeAll(async () => {
  temp = await createTempDb({ inMemory: true });
  ids = await createSmallSite(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});
beforeEach(async () => {
  await temp.db.deleteFrom("page_views").execute();
  await temp.db.deleteFrom("most_read").execute();
});

const idOf = idLookup(() => ids);

let readerSeq = 0;
/** Records `count` views of a story by different readers, `agoMs` before NOW. */
async function views(externalId: string, count: number, agoMs: number): Promise<void> {
  const rows = Array.from({ length: count }, () => ({
    article_id: idOf(externalId),
    reader_hash: `reader-${(readerSeq += 1)}`,
    viewed_at: shiftIso(NOW, -agoMs),
  }));
  await temp.db.insertInto("page_views").values(rows).execute();
}

const s = (n: number) => `s${String(n).padStart(2, "0")}`;

describe("getMostPopular", () => {
  it('ranks by views in the last 24 hours when 10 stories were viewed in them ("24h")', async () => {
    for (let n = 1; n <= 12; n += 1) await views(s(n), n === 3 ? 6 : n, 2 * HOUR_MS);
    await views("s01", 40, 3 * DAY_MS); // outside the window
    await views("s02", 40, 24 * HOUR_MS); // exactly 24 hours ago: outside
    await views("s01", 40, -HOUR_MS); // after NOW: not counted yet
    await views("draft", 100, HOUR_MS);
    await views("future", 100, HOUR_MS);

    const rail = await getMostPopular(temp.db, LIMIT, NOW);

    expect(rail.window).toBe("24h");
    // s03 has 6 views like s06; the tie goes to the newer story, s06.
    expect(rail.items.map((i) => i.id)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 3, 5, 4].map((n) => idOf(s(n))),
    );
    expect(rail.items.map((i) => i.views)).toEqual([12, 11, 10, 9, 8, 7, 6, 6, 5, 4]);
    expect(rail.items[0]).toEqual({
      id: idOf("s12"),
      path: `/article/${idOf("s12")}/headline-s12`,
      headline: "Headline s12",
      publishedAt: "2024-01-12T09:00:00.000Z",
      views: 12,
    });
  });

  it('widens to 7 days when only 3 stories were viewed in 24 hours but 10 in 7 days ("7d")', async () => {
    await views("s01", 5, HOUR_MS);
    await views("s02", 5, HOUR_MS);
    await views("s03", 1, HOUR_MS);
    await views("s03", 3, 3 * DAY_MS);
    for (let n = 4; n <= 10; n += 1) await views(s(n), 2, 3 * DAY_MS);
    await views("s11", 9, 8 * DAY_MS); // outside 7 days

    const rail = await getMostPopular(temp.db, LIMIT, NOW);

    expect(rail.window).toBe("7d");
    expect(rail.items.map((i) => i.id)).toEqual(
      [2, 1, 3, 10, 9, 8, 7, 6, 5, 4].map((n) => idOf(s(n))),
    );
    expect(rail.items.map((i) => i.views)).toEqual([5, 5, 4, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('widens to 30 days when 10 stories were viewed only 20 days ago ("30d")', async () => {
    for (let n = 1; n <= 10; n += 1) await views(s(n), n, 20 * DAY_MS);
    const rail = await getMostPopular(temp.db, LIMIT, NOW);
    expect(rail.window).toBe("30d");
    expect(rail.items.map((i) => i.views)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('uses all time when the only views are 40 days old ("all")', async () => {
    await views("s01", 3, 40 * DAY_MS);
    for (let n = 2; n <= 11; n += 1) await views(s(n), 1, 40 * DAY_MS);

    const rail = await getMostPopular(temp.db, LIMIT, NOW);

    expect(rail.window).toBe("all");
    expect(rail.items.map((i) => i.id)).toEqual(
      [1, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((n) => idOf(s(n))),
    );
    expect(rail.items.map((i) => i.views)).toEqual([3, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('lists the 10 newest public stories when nothing was viewed ("newest")', async () => {
    const rail = await getMostPopular(temp.db, LIMIT, NOW);

    expect(rail.window).toBe("newest");
    expect(rail.items.map((i) => i.id)).toEqual(
      [15, 14, 13, 12, 11, 10, 9, 8, 7, 6].map((n) => idOf(s(n))),
    );
    expect(rail.items.every((i) => i.views === null)).toBe(true);
  });

  it("puts the 2 viewed stories first and fills the rest with the 8 newest", async () => {
    await views("s01", 2, 100 * DAY_MS);
    await views("s02", 3, HOUR_MS);

    const rail = await getMostPopular(temp.db, LIMIT, NOW);

    expect(rail.window).toBe("all");
    expect(rail.items.map((i) => i.id)).toEqual(
      [2, 1, 15, 14, 13, 12, 11, 10, 9, 8].map((n) => idOf(s(n))),
    );
    expect(rail.items.map((i) => i.views)).toEqual([
      3,
      2,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("never lists a draft or a story published in the future, however often viewed", async () => {
    await views("draft", 500, HOUR_MS);
    await views("future", 500, HOUR_MS);

    const rail = await getMostPopular(temp.db, LIMIT, NOW);

    expect(rail.window).toBe("newest");
    expect(rail.items).toHaveLength(10);
    expect(rail.items.map((i) => i.id)).not.toContain(idOf("draft"));
    expect(rail.items.map((i) => i.id)).not.toContain(idOf("future"));
    expect(rail.items[0]?.id).toBe(idOf("s15"));
  });

  it("reuses a ranking for five minutes, then ranks the views afresh", async () => {
    for (let n = 1; n <= 10; n += 1) await views(s(n), n, HOUR_MS);
    const first = await getMostPopular(temp.db, LIMIT, NOW);
    expect(first.items[0]?.id).toBe(idOf("s10"));

    await views("s01", 50, HOUR_MS);
    const soon = shiftIso(NOW, MOST_READ_MAX_AGE_MS - 1);
    expect((await getMostPopular(temp.db, LIMIT, soon)).items).toEqual(first.items);

    const later = shiftIso(NOW, MOST_READ_MAX_AGE_MS);
    const fresh = await getMostPopular(temp.db, LIMIT, later);
    expect(fresh.items[0]).toMatchObject({ id: idOf("s01"), views: 51 });
  });

  it("ranks afresh at once when a story of the stored ranking is withdrawn", async () => {
    for (let n = 1; n <= 12; n += 1) await views(s(n), n, HOUR_MS);
    expect((await getMostPopular(temp.db, LIMIT, NOW)).items[0]?.id).toBe(idOf("s12"));
    await temp.db
      .updateTable("articles")
      .set({ withdrawn_at: NOW })
      .where("id", "=", idOf("s12"))
      .execute();
    try {
      const rail = await getMostPopular(temp.db, LIMIT, shiftIso(NOW, 1000));
      expect(rail.items.map((i) => i.id)).not.toContain(idOf("s12"));
      expect(rail.items[0]?.id).toBe(idOf("s11"));
      expect(rail.items).toHaveLength(LIMIT);
    } finally {
      await temp.db
        .updateTable("articles")
        .set({ withdrawn_at: null })
        .where("id", "=", idOf("s12"))
        .execute();
    }
  });

  it("ranks when 33,000 stories tie on views, without running out of SQL parameters", async () => {
    const section = await temp.db.selectFrom("sections").select("id").executeTakeFirstOrThrow();
    await sql`insert into articles (external_id, slug, headline, standfirst, body_json, section_id,
        status, published_at, updated_at)
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 33000)
      select 'tie-' || i, 'tie', 'Tie ' || i, '', '[]', ${section.id}, 'published',
        '2024-05-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z' from n`.execute(temp.db);
    await sql`insert into page_views (article_id, reader_hash, viewed_at)
      select id, 'r' || id, ${shiftIso(NOW, -HOUR_MS)} from articles where external_id like 'tie-%'`.execute(
      temp.db,
    );
    try {
      const rail = await getMostPopular(temp.db, LIMIT, NOW);
      expect(rail.window).toBe("24h");
      expect(rail.items).toHaveLength(LIMIT);
      expect(rail.items.every((i) => i.views === 1)).toBe(true);
    } finally {
      await temp.db.deleteFrom("page_views").execute();
      await temp.db.deleteFrom("articles").where("external_id", "like", "tie-%").execute();
    }
  });
});
