import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withdrawArticle } from "../editorial";
import { MAX_QUERY_LENGTH } from "../../../search/query";
import {
  articleIdsByExternalId,
  createTempDb,
  idLookup,
  importAll,
  makeRecord,
  shiftIso,
  DAY_MS,
  type TempDb,
  testBackend,
} from "../../test-support/temp-db";
import { SEARCH_PAGE_SIZE } from "../../../search/query";
import { searchArticles, suggestArticles } from "./search";

const NOW = "2024-06-01T12:00:00.000Z";
/**
 * SQLite's index follows direct SQL writes through triggers; PostgreSQL's is written by the
 * writers themselves (lib/news/postgres/search/index-write.ts), so these run on SQLite only.
 */
const sqliteOnly = testBackend() === "sqlite" ? it : it.skip;
let temp: TempDb;
let ids: Map<string, number>;
const idOf = idLookup(() => ids);

const search = (
  q: string,
  extra: { page?: number; section?: string; from?: string; to?: string } = {},
  now = NOW,
) => searchArticles(temp.db, temp.search, { q, page: 1, ...extra }, now);
const found = async (q: string, extra = {}, now = NOW) =>
  (await search(q, extra, now)).hits.map((h) => h.id);

/** Every hostile query of issue 7, and then some. */
const HOSTILE = [
  '"',
  '""',
  '")(*NEAR',
  "*",
  "korea*",
  "-korea",
  "headline:korea",
  "NEAR(korea summit, 3)",
  "korea AND summit",
  "korea OR summit",
  "NOT korea",
  "AND",
  "OR OR OR",
  "((((",
  "))",
  "{headline}: korea",
  "^korea",
  "'; DROP TABLE articles; --",
  "1' OR '1'='1",
  "<script>alert(1)</script>",
  "<b>korea</b> &amp;",
  "🇰🇷🎉",
  "korea 🇰🇷",
  "한국",
  "한국 외교부",
  "x".repeat(2000),
  "korea ".repeat(400),
  "",
  "   ",
  "\u0000\u0001korea",
  "\uE000s1",
  "ｋｏｒｅａ",
  'korea "north',
  "korea\\",
  "%_%",
];

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
  await importAll(temp.db, [
    makeRecord("lantern", {
      headline: "Lantern festival lights up Jinju",
      published: "2023-10-01T00:00:00Z",
      body: ["The city's river glows for a week each autumn."],
      section: "national",
    }),
    // Newer stories that say "lantern festival" a lot, but not in their headlines.
    ...[1, 2, 3].map((n) =>
      makeRecord(`lantern-talk-${n}`, {
        headline: `City council meeting ${n}`,
        published: `2024-05-2${n}T00:00:00Z`,
        body: [
          "The lantern festival budget, lantern festival crowds and lantern festival lights in Jinju up for debate.",
        ],
      }),
    ),
    makeRecord("phrase-together", {
      headline: "Zebra crossing rules change",
      published: "2024-01-10T00:00:00Z",
      body: ["Drivers must stop at every zebra crossing from March."],
    }),
    makeRecord("phrase-apart", {
      headline: "Crossing the savanna",
      published: "2024-01-11T00:00:00Z",
      body: ["A zebra herd was seen far from any river crossing."],
    }),
    makeRecord("draft", {
      headline: "Embargoed story",
      published: "2024-05-01T00:00:00Z",
      status: "draft",
      body: ["The word quixotically appears only in this draft."],
    }),
    makeRecord("scheduled", {
      headline: "Scheduled story",
      published: "2024-06-15T00:00:00Z",
      status: "scheduled",
      body: ["Flibbertigibbet appears only in this scheduled story."],
    }),
    makeRecord("to-withdraw", {
      headline: "Story about a marmalade recall",
      published: "2024-05-01T00:00:00Z",
      body: ["Marmalade jars were recalled."],
    }),
    makeRecord("kst-edge", {
      headline: "Midnight story about xylophones",
      // 00:30 KST on April 1st, still March 31st in UTC.
      published: "2024-03-31T15:30:00Z",
      body: ["A xylophone concert."],
      section: "business/technology",
    }),
    makeRecord("korean", {
      headline: "한국의 외교부 발표",
      published: "2024-02-01T00:00:00Z",
      body: ["외교부는 오늘 발표했다."],
    }),
    makeRecord("tagged", {
      headline: "A story with tags",
      published: "2024-02-02T00:00:00Z",
      body: ["Nothing special in the body."],
      tags: ["Ornithology"],
      author: "Imogen Quartermaine",
    }),
    ...Array.from({ length: 25 }, (_, i) =>
      makeRecord(`page-${i}`, {
        headline: `Paging story ${i}`,
        published: shiftIso("2024-04-01T00:00:00Z", i * DAY_MS),
        body: ["Every one of these mentions the word pagination."],
      }),
    ),
  ]);
  ids = await articleIdsByExternalId(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});

describe("searchArticles: any input is safe", () => {
  it("answers every hostile query with results or an empty list, never an error", async () => {
    for (const q of HOSTILE) {
      const result = await search(q);
      expect(Array.isArray(result.hits), q.slice(0, 40)).toBe(true);
      expect(result.page).toBe(1);
    }
  });

  it("reads operators and punctuation as words", async () => {
    expect(await found("zebra AND crossing")).toEqual([]); // "and" is a word neither story has
    expect(await found("zebra* -crossing")).toEqual(
      expect.arrayContaining([idOf("phrase-together"), idOf("phrase-apart")]),
    );
    expect(await found("headline:zebra")).toEqual([]);
  });

  it("says when a query has no words, and cuts an over-long one with a notice", async () => {
    expect((await search("🇰🇷 *")).noWords).toBe(true);
    const long = await search(`zebra ${"y".repeat(3000)}`);
    expect(long.truncated).toBe(true);
    expect([...long.query].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect((await search("zebra")).truncated).toBe(false);
  });
});

describe("searchArticles: matching and ranking", () => {
  it("searches double-quoted phrases as phrases", async () => {
    expect(await found('"zebra crossing"')).toEqual([idOf("phrase-together")]);
    expect((await found("zebra crossing")).sort()).toEqual(
      [idOf("phrase-together"), idOf("phrase-apart")].sort(),
    );
  });

  it("puts an exact headline match first, ahead of newer stories using the words more", async () => {
    const hits = await found("Lantern festival lights up Jinju");
    expect(hits[0]).toBe(idOf("lantern"));
    expect(hits).toHaveLength(4);
    expect((await found("lantern festival"))[0]).toBe(idOf("lantern"));
  });

  it("finds words in tags and author names", async () => {
    expect(await found("ornithology")).toEqual([idOf("tagged")]);
    expect(await found("quartermaine")).toEqual([idOf("tagged")]);
  });

  it("finds Korean words with particles attached", async () => {
    expect(await found("한국")).toEqual([idOf("korean")]);
    expect(await found("외교부")).toEqual([idOf("korean")]);
  });

  it("highlights matches in the headline and the snippet, as text parts", async () => {
    const [hit] = (await search("marmalade")).hits;
    expect(hit?.headlineParts.filter((p) => p.match).map((p) => p.text)).toEqual(["marmalade"]);
    expect(hit?.snippetParts.some((p) => p.match && p.text === "Marmalade")).toBe(true);
    expect(hit?.section.name).toBeTruthy();
  });
});

describe("searchArticles: only public stories", () => {
  it("never finds a draft, even by a word only it contains", async () => {
    expect(await found("quixotically")).toEqual([]);
    expect(await found("quixotically", {}, "2099-01-01T00:00:00.000Z")).toEqual([]);
  });

  it("finds a scheduled story only once its time has come", async () => {
    expect(await found("flibbertigibbet")).toEqual([]);
    expect(await found("flibbertigibbet", {}, "2024-06-15T00:00:00.000Z")).toEqual([
      idOf("scheduled"),
    ]);
  });

  it("drops a story from the results when it is withdrawn", async () => {
    expect(await found("marmalade")).toEqual([idOf("to-withdraw")]);
    expect(await withdrawArticle(temp.db, idOf("to-withdraw"), NOW)).toBe(true);
    expect(await found("marmalade")).toEqual([]);
    expect(await suggestArticles(temp.db, temp.search, "marma", NOW)).toEqual([]);
  });
});

describe("searchArticles: the index follows every change", () => {
  it("re-indexes an edited headline, new tags and a new author", async () => {
    await importAll(temp.db, [
      makeRecord("edited", { headline: "Original wording aardvark", published: "2024-01-05" }),
    ]);
    ids = await articleIdsByExternalId(temp.db);
    expect(await found("aardvark")).toEqual([idOf("edited")]);
    await importAll(temp.db, [
      makeRecord("edited", {
        headline: "New wording okapi",
        published: "2024-01-05",
        tags: ["Cryptozoology"],
        author: "Bartholomew Fennimore",
      }),
    ]);
    expect(await found("aardvark")).toEqual([]);
    for (const word of ["okapi", "cryptozoology", "fennimore"])
      expect(await found(word), word).toEqual([idOf("edited")]);
  });

  sqliteOnly(
    "SQLite only (FTS5 triggers and view): follows direct SQL writes through the triggers: tag renames, author removal, deletion",
    async () => {
      await sql`update tags set name = 'Birdwatching' where name = 'Ornithology'`.execute(temp.db);
      expect(await found("ornithology")).toEqual([]);
      expect(await found("birdwatching")).toEqual([idOf("tagged")]);
      await sql`delete from article_authors where article_id = ${idOf("tagged")}`.execute(temp.db);
      expect(await found("quartermaine")).toEqual([]);
      await sql`update articles set body_json = ${JSON.stringify([{ type: "paragraph", text: "Now about capybaras." }])} where id = ${idOf("tagged")}`.execute(
        temp.db,
      );
      expect(await found("capybaras")).toEqual([idOf("tagged")]);
      await sql`delete from articles where id = ${idOf("tagged")}`.execute(temp.db);
      expect(await found("capybaras")).toEqual([]);
    },
  );

  sqliteOnly(
    "SQLite only (FTS5 triggers and view): indexes the JSON blocks' text, one block a line, not their punctuation or keys",
    async () => {
      await importAll(temp.db, [
        makeRecord("blocks", { body: ["First block.", "Second block."], published: "2024-01-06" }),
      ]);
      ids = await articleIdsByExternalId(temp.db);
      const row = await sql<{
        body: string;
      }>`select body from article_search_documents where id = ${idOf("blocks")}`.execute(temp.db);
      expect(row.rows[0]?.body).toBe("First block.\nSecond block.");
    },
  );

  sqliteOnly(
    "SQLite only (FTS5 triggers and view): leaves nothing deferred after an import",
    async () => {
      const dirty = await sql<{ n: number }>`select count(*) as n from search_dirty`.execute(
        temp.db,
      );
      const defer = await sql<{ n: number }>`select count(*) as n from search_defer`.execute(
        temp.db,
      );
      expect([dirty.rows[0]?.n, defer.rows[0]?.n]).toEqual([0, 0]);
    },
  );
});

describe("searchArticles: pages, filters and counts", () => {
  it("pages 25 results as 10, 10 and 5, with the count", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search("pagination", { page })));
    expect(pages.map((p) => p.hits.length)).toEqual([SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, 5, 0]);
    expect(pages.map((p) => [p.total, p.totalPages, p.totalIsLowerBound])).toEqual(
      Array(4).fill([25, 3, false]),
    );
    const all = pages.flatMap((p) => p.hits.map((h) => h.id));
    expect(new Set(all).size).toBe(25);
  });

  it("filters by section (a top-level section includes its subsections)", async () => {
    expect(await found("xylophones", { section: "business" })).toEqual([idOf("kst-edge")]);
    expect(await found("xylophones", { section: "business/technology" })).toEqual([
      idOf("kst-edge"),
    ]);
    expect(await found("xylophones", { section: "national" })).toEqual([]);
    const unknown = await search("xylophones", { section: "nowhere" });
    expect([unknown.section, unknown.hits.length]).toEqual([null, 1]);
  });

  it("filters by KST dates, both ends inclusive", async () => {
    expect(await found("xylophones", { from: "2024-04-01" })).toEqual([idOf("kst-edge")]);
    expect(await found("xylophones", { to: "2024-03-31" })).toEqual([]);
    expect(await found("xylophones", { from: "2024-04-01", to: "2024-04-01" })).toEqual([
      idOf("kst-edge"),
    ]);
    expect(await found("xylophones", { from: "2024-04-02" })).toEqual([]);
    expect(await found("pagination", { from: "2024-04-03", to: "2024-04-05" })).toHaveLength(3);
    expect(await found("pagination", { from: "1900-01-01", to: "2100-12-31" })).toHaveLength(10);
    expect(await found("pagination", { from: "2030-01-01" })).toEqual([]);
  });
});

describe("suggestArticles", () => {
  it("suggests public stories whose headline starts the words typed", async () => {
    const suggestions = await suggestArticles(temp.db, temp.search, "lantern fest", NOW);
    expect(suggestions.map((s) => s.id)).toContain(idOf("lantern"));
    for (const s of suggestions) expect(s.headline).toMatch(/lantern fest/i);
    const ours = suggestions.find((s) => s.id === idOf("lantern"));
    expect(ours?.headlineParts.filter((p) => p.match).map((p) => p.text)).toEqual([
      "Lantern",
      "festival",
    ]);
  });

  it("suggests nothing for drafts, one character, or no words", async () => {
    expect(await suggestArticles(temp.db, temp.search, "embargoed", NOW)).toEqual([]);
    expect(await suggestArticles(temp.db, temp.search, "l", NOW)).toEqual([]);
    for (const q of HOSTILE)
      await expect(suggestArticles(temp.db, temp.search, q, NOW)).resolves.toBeDefined();
  });
});
