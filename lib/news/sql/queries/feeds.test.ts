import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmallSite, createTempDb, type TempDb } from "../../test-support/temp-db";
import { getFeedArticles } from "./feeds";
import { getSectionTree } from "./sections";

const NOW = "2024-06-01T12:00:00.000Z";

let temp: TempDb;
let ids: Map<string, number>;

beforeAll(async () => {
  temp = await createTempDb();
  ids = await createSmallSite(temp.db);
  // s15 gets two bylines, stored out of order: the feed lists them by position.
  const s15 = ids.get("s15")!;
  const authors = await temp.db
    .insertInto("authors")
    .values([
      { slug: "second", name: "Second Writer", kind: "staff" },
      { slug: "first", name: "First Writer", kind: "staff" },
    ])
    .returning("id")
    .execute();
  await temp.db
    .insertInto("article_authors")
    .values([
      { article_id: s15, author_id: authors[0]!.id, position: 1 },
      { article_id: s15, author_id: authors[1]!.id, position: 0 },
    ])
    .execute();
});
afterAll(async () => {
  await temp.destroy();
});

describe("getFeedArticles", () => {
  it("lists public stories only, newest first, up to the limit", async () => {
    const all = await getFeedArticles(temp.db, null, 50, NOW);
    const newest = Array.from({ length: 15 }, (_, k) =>
      ids.get(`s${String(15 - k).padStart(2, "0")}`),
    );
    expect(all.map((a) => a.id)).toEqual(newest);
    expect((await getFeedArticles(temp.db, null, 4, NOW)).map((a) => a.id)).toEqual(
      newest.slice(0, 4),
    );
    // Once its time has passed the future story joins them; the draft never does.
    expect(await getFeedArticles(temp.db, null, 50, "2024-07-02T00:00:00Z")).toHaveLength(16);
  });

  it("gives each story its byline names in order, and none to a story without one", async () => {
    const [s15, s14] = await getFeedArticles(temp.db, null, 2, NOW);
    expect(s15?.authors).toEqual(["First Writer", "Second Writer"]);
    expect(s14?.authors).toEqual([]);
  });

  it("limits a section's feed to its stories", async () => {
    const [news] = await getSectionTree(temp.db);
    expect(await getFeedArticles(temp.db, news!, 50, NOW)).toHaveLength(15);
    expect(
      await getFeedArticles(temp.db, { id: -1, slug: "x", name: "X", path: "/x" }, 50, NOW),
    ).toEqual([]);
  });
});
