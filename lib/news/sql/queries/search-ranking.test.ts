import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery } from "../../../search/query";
import {
  articleIdsByExternalId,
  createTempDb,
  idLookup,
  importAll,
  makeRecord,
  shiftIso,
  type TempDb,
} from "../../test-support/temp-db";
import {
  CANDIDATE_LIMIT,
  MULTI_WORD_CANDIDATE_LIMIT,
  candidateWindow,
  searchArticles,
} from "./search";

// Ranking rules of issue 7 that the speed-ups of the search (lib/search/candidates.ts,
// lib/search/tags-authors.ts) must keep. The rest of search is tested in search.test.ts.

const NOW = "2024-06-01T12:00:00.000Z";
let temp: TempDb;
let ids: Map<string, number>;
const idOf = idLookup(() => ids);
const search = (q: string, extra: { to?: string } = {}) =>
  searchArticles(temp.db, temp.search, { q, page: 1, ...extra }, NOW);
const found = async (q: string) => (await search(q)).hits.map((h) => h.id);

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
});
afterAll(async () => {
  await temp.destroy();
});

describe("searchArticles: ranking", () => {
  it("ranks words in tags and bylines above words only in the body, accents folded", async () => {
    await importAll(temp.db, [
      makeRecord("heron-body", {
        headline: "River notes",
        published: "2024-03-01T00:00:00Z",
        body: ["A heron stood by the saltmarsh all morning."],
      }),
      makeRecord("heron-meta", {
        headline: "Morning walk",
        published: "2024-02-20T00:00:00Z",
        body: ["A heron flew over the saltmarsh bridge."],
        tags: ["Héron watch"],
        author: "Wilhelmina Saltmarsh",
      }),
    ]);
    ids = await articleIdsByExternalId(temp.db);
    const both = [idOf("heron-meta"), idOf("heron-body")];
    expect(await found("heron")).toEqual(both); // the tag holds it: ahead of the newer story
    expect(await found("heron saltmarsh")).toEqual(both); // a tag and the byline hold both
    expect(await found("heron bridge")).toEqual([idOf("heron-meta")]);
  });

  it("ranks the newest 500 matches of a word, and the newest 200 of several words", () => {
    expect(candidateWindow(parseQuery("heron").terms)).toBe(CANDIDATE_LIMIT);
    expect(candidateWindow(parseQuery('"heron"').terms)).toBe(CANDIDATE_LIMIT);
    for (const q of ["heron bridge", '"grey heron"', "e-mail", "he's"])
      expect(candidateWindow(parseQuery(q).terms), q).toBe(MULTI_WORD_CANDIDATE_LIMIT);
  });

  it("ranks an exact headline first even beyond the newest matches it ranks", async () => {
    const many = MULTI_WORD_CANDIDATE_LIMIT + 5;
    await importAll(temp.db, [
      makeRecord("glockenspiel", {
        headline: "Glockenspiel recital",
        published: "2019-01-01T00:00:00Z",
        body: ["A short story."],
      }),
      ...Array.from({ length: many }, (_, i) =>
        makeRecord(`glockenspiel-${i}`, {
          headline: `Music notes ${i}`,
          published: shiftIso("2024-01-01T00:00:00Z", i * 60_000),
          body: ["Another glockenspiel recital in the town hall."],
        }),
      ),
    ]);
    ids = await articleIdsByExternalId(temp.db);
    const result = await search("glockenspiel recital");
    expect(result.hits[0]?.id).toBe(idOf("glockenspiel"));
    expect([result.total, result.totalIsLowerBound]).toEqual([
      MULTI_WORD_CANDIDATE_LIMIT + 1,
      true,
    ]);
    expect((await search("glockenspiel recital", { to: "2018-12-31" })).hits).toEqual([]);
  });
});
