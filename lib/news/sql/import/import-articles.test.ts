import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  articleIdsByExternalId,
  countRows,
  createTempDb,
  importRecords,
  makeRecord,
  tempDbPath,
  type TempDb,
  indexerFor,
} from "../../test-support/temp-db";
import { importJsonLines } from "./import-articles";
import { parsedChunksOnThread } from "../../../import/parse-thread";
import { prepareRecord } from "../../../import/parse";
import { importRecordSchema } from "../../../import/record";
import { findInvalidUnicode } from "../../../import/unicode";

let temp: TempDb;
let baseline: number;

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
});
afterAll(async () => {
  await temp.destroy();
});
beforeEach(async () => {
  // Each test imports its own ids; keep only the seeded content between tests.
  await temp.db.deleteFrom("articles").where("external_id", "like", "t-%").execute();
  baseline = await countRows(temp.db, "articles");
});

const line = (record: Record<string, unknown>) => JSON.stringify(record);

async function articleRow(externalId: string) {
  return temp.db
    .selectFrom("articles")
    .selectAll()
    .where("external_id", "=", externalId)
    .executeTakeFirst();
}

describe("importJsonLines", () => {
  it("inserts valid records with their section, author, tags and lead image", async () => {
    const report = await importRecords(temp.db, [
      makeRecord("t-valid-1", {
        headline: "Parliament passes the budget",
        section: "national/politics",
        published: "2021-09-16T21:17:00+09:00",
        updated: "2021-09-17T08:00:00+09:00",
        standfirst: "The vote was close.",
        author: "Kim Min-ji",
        tags: ["Budget", "Parliament", "Budget"],
        lead_image: { file: "bison-caprock-canyons.jpg", caption: "Bison", credit: "Someone" },
        source_url: "https://example.org/budget",
      }),
      makeRecord("t-valid-2", { section: "sports", body: ["One.", "Two."] }),
    ]);

    expect(report).toEqual({ inserted: 2, updated: 0, skipped: [] });
    expect(await countRows(temp.db, "articles")).toBe(baseline + 2);

    const row = await articleRow("t-valid-1");
    expect(row).toMatchObject({
      slug: "parliament-passes-the-budget",
      headline: "Parliament passes the budget",
      standfirst: "The vote was close.",
      status: "published",
      published_at: "2021-09-16T12:17:00.000Z",
      updated_at: "2021-09-16T23:00:00.000Z",
      lead_image_caption: "Bison",
      lead_image_credit: "Someone",
      source_url: "https://example.org/budget",
    });
    expect(row?.lead_image_id).not.toBeNull();
    const section = await temp.db
      .selectFrom("sections as s")
      .innerJoin("sections as p", "p.id", "s.parent_id")
      .select(["s.slug", "p.slug as parent"])
      .where("s.id", "=", row?.section_id ?? -1)
      .executeTakeFirstOrThrow();
    expect(section).toEqual({ slug: "politics", parent: "national" });

    const authors = await temp.db
      .selectFrom("article_authors as aa")
      .innerJoin("authors as au", "au.id", "aa.author_id")
      .select(["au.name", "au.kind"])
      .where("aa.article_id", "=", row?.id ?? -1)
      .execute();
    expect(authors).toEqual([{ name: "Kim Min-ji", kind: "staff" }]);
    const tags = await temp.db
      .selectFrom("article_tags as at")
      .innerJoin("tags as t", "t.id", "at.tag_id")
      .select("t.slug")
      .where("at.article_id", "=", row?.id ?? -1)
      .orderBy("t.slug")
      .execute();
    expect(tags.map((t) => t.slug)).toEqual(["budget", "parliament"]);

    const second = await articleRow("t-valid-2");
    expect(second?.body_json).toBe(
      JSON.stringify([
        { type: "paragraph", text: "One." },
        { type: "paragraph", text: "Two." },
      ]),
    );
    expect(second?.updated_at).toBe("2020-01-01T00:00:00.000Z");
  });

  it("skips invalid lines with their 1-based line number and a reason naming the field, keeping the rest", async () => {
    const withoutHeadline: Record<string, unknown> = makeRecord("t-bad-headline");
    delete withoutHeadline.headline;
    const lines = [
      line(makeRecord("t-ok-1")), // 1
      "{not json", // 2
      line(withoutHeadline), // 3
      line(makeRecord("t-ok-2")), // 4
      "", // 5: blank lines are ignored but still counted
      line(makeRecord("t-bad-body", { body: [] })), // 6
      line(makeRecord("t-bad-body-2", { body: ["   ", "<p></p>"] })), // 7
      line(makeRecord("t-bad-date", { published: "2019-13-45" })), // 8
      line(makeRecord("t-bad-date-2", { published: "yesterday" })), // 9
      line(makeRecord("t-bad-section", { section: "national/nowhere" })), // 10
      line(
        makeRecord("t-bad-image", { lead_image: { file: "nope.jpg", caption: "C", credit: "D" } }),
      ), // 11
      line(makeRecord("t-ok-3")), // 12
      line(makeRecord("t-bad-headline-2", { headline: "   " })), // 13
      line(makeRecord("t-bad-zone", { published: "2019-01-14T10:00:00" })), // 14
      line(makeRecord("t-bad-feb", { published: "2019-02-30" })), // 15: no rolling over to March
    ];

    const report = await importJsonLines(temp.db, indexerFor(temp.db), lines);

    expect(report.inserted).toBe(3);
    expect(report.updated).toBe(0);
    expect(report.skipped.map((s) => s.line)).toEqual([2, 3, 6, 7, 8, 9, 10, 11, 13, 14, 15]);
    const reason = (n: number) => report.skipped.find((s) => s.line === n)?.reason ?? "";
    expect(reason(2)).toMatch(/^not valid JSON \(/);
    expect(reason(3)).toMatch(/^headline: /);
    expect(reason(6)).toBe("body: body has no text");
    expect(reason(7)).toBe("body: body has no text");
    expect(reason(8)).toBe("published: not a real date");
    expect(reason(9)).toBe("published: expected YYYY-MM-DD or an ISO 8601 date-time with a zone");
    expect(reason(10)).toBe('section: no section at "national/nowhere"');
    expect(reason(11)).toBe('lead_image.file: no image named "nope.jpg"');
    expect(reason(13)).toBe("headline: headline is empty");
    expect(reason(14)).toMatch(/^published: /);
    expect(reason(15)).toBe("published: not a real date");

    const ids = await articleIdsByExternalId(temp.db);
    expect([...ids.keys()].filter((id) => id.startsWith("t-")).sort()).toEqual([
      "t-ok-1",
      "t-ok-2",
      "t-ok-3",
    ]);
    expect(await countRows(temp.db, "articles")).toBe(baseline + 3);
  });

  it("flags a lead image stored without alt text and skips the record", async () => {
    await temp.db
      .insertInto("images")
      .values({
        file: "t-no-alt.jpg",
        width: 10,
        height: 10,
        alt: " ",
        caption: "C",
        credit: "D",
        licence: "CC BY 4.0",
        source: "test",
      })
      .execute();
    try {
      const report = await importJsonLines(temp.db, indexerFor(temp.db), [
        line(
          makeRecord("t-no-alt", {
            lead_image: { file: "t-no-alt.jpg", caption: "C", credit: "D" },
          }),
        ),
      ]);
      expect(report.skipped).toEqual([
        { line: 1, reason: 'lead_image.file: image "t-no-alt.jpg" has no alt text' },
      ]);
    } finally {
      await temp.db.deleteFrom("images").where("file", "=", "t-no-alt.jpg").execute();
    }
  });

  it("reads lines from an async iterable (a stream) as well", async () => {
    async function* stream() {
      yield line(makeRecord("t-stream-1"));
      yield "[]";
      yield line(makeRecord("t-stream-2"));
    }
    const report = await importJsonLines(temp.db, indexerFor(temp.db), stream());
    expect(report.inserted).toBe(2);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]?.line).toBe(2);
  });

  // More lines than the worker may parse ahead (24 chunks of 500), so flow control is exercised.
  const pipelineLines = () => [
    line(makeRecord("t-par-1", { tags: ["Par"] })),
    "",
    "{not json",
    line(makeRecord("t-par-2", { headline: "<i></i>" })),
    line(makeRecord("t-par-3", { section: "nowhere" })),
    ...Array.from({ length: 13_000 }, (_, i) => line(makeRecord(`t-par-x${i}`))),
  ];

  const expectPipelineOutcome = async (report: Awaited<ReturnType<typeof importJsonLines>>) => {
    expect(report.inserted + report.updated).toBe(13_001);
    expect(report.skipped.map((s) => s.line)).toEqual([3, 4, 5]);
    expect(report.skipped[0]?.reason).toMatch(/^not valid JSON/);
    expect(report.skipped[1]?.reason).toBe("headline: headline is empty");
    expect(report.skipped[2]?.reason).toBe('section: no section at "nowhere"');
    expect(await articleRow("t-par-1")).toMatchObject({ headline: "Headline t-par-1" });
    expect(await articleRow("t-par-x12999")).toMatchObject({ headline: "Headline t-par-x12999" });
  };

  it("parses on a worker thread with the same outcome, line numbers and reasons", async () => {
    const report = await importJsonLines(temp.db, indexerFor(temp.db), pipelineLines(), {
      parse: parsedChunksOnThread,
    });
    expect(report.inserted).toBe(13_001);
    await expectPipelineOutcome(report);
  });

  it("reads a file, here or on the worker thread, with the same outcome", async () => {
    const file = tempDbPath().replace(/\.db$/, ".jsonl");
    // CRLF and a last line without a break, as read-lines.ts numbers them.
    fs.writeFileSync(file, pipelineLines().join("\r\n"));
    try {
      await expectPipelineOutcome(await importJsonLines(temp.db, indexerFor(temp.db), { file }));
      await temp.db.deleteFrom("articles").where("external_id", "like", "t-%").execute();
      await expectPipelineOutcome(
        await importJsonLines(
          temp.db,
          indexerFor(temp.db),
          { file },
          { parse: parsedChunksOnThread },
        ),
      );
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("fails with the same error when the file cannot be read, on either thread", async () => {
    const missing = tempDbPath().replace(/\.db$/, ".missing.jsonl");
    const expected = { code: "ENOENT", path: missing, message: expect.stringMatching(/^ENOENT/) };
    await expect(
      importJsonLines(temp.db, indexerFor(temp.db), { file: missing }),
    ).rejects.toMatchObject(expected);
    await expect(
      importJsonLines(
        temp.db,
        indexerFor(temp.db),
        { file: missing },
        { parse: parsedChunksOnThread },
      ),
    ).rejects.toMatchObject(expected);
    const directory = { code: "EISDIR", message: expect.stringMatching(/^EISDIR/) };
    const folder = { file: path.dirname(missing) };
    await expect(importJsonLines(temp.db, indexerFor(temp.db), folder)).rejects.toMatchObject(
      directory,
    );
    await expect(
      importJsonLines(temp.db, indexerFor(temp.db), folder, { parse: parsedChunksOnThread }),
    ).rejects.toMatchObject(directory);
  });

  it("refuses a path passed as a string (it would be read as lines of one character)", async () => {
    await expect(
      importJsonLines(temp.db, indexerFor(temp.db), "/tmp/articles.jsonl"),
    ).rejects.toThrow(/\{ file \}/);
  });

  it("updates instead of duplicating when the same file is imported again", async () => {
    const records = Array.from({ length: 5 }, (_, i) =>
      makeRecord(`t-again-${i}`, { author: "Yonhap", tags: ["Again", `Tag ${i}`] }),
    );
    expect(await importRecords(temp.db, records)).toEqual({ inserted: 5, updated: 0, skipped: [] });
    const afterFirst = {
      articles: await countRows(temp.db, "articles"),
      authors: await countRows(temp.db, "authors"),
      tags: await countRows(temp.db, "tags"),
      articleTags: await countRows(temp.db, "article_tags"),
      articleAuthors: await countRows(temp.db, "article_authors"),
    };
    const idsBefore = await articleIdsByExternalId(temp.db);

    expect(await importRecords(temp.db, records)).toEqual({ inserted: 0, updated: 5, skipped: [] });

    expect({
      articles: await countRows(temp.db, "articles"),
      authors: await countRows(temp.db, "authors"),
      tags: await countRows(temp.db, "tags"),
      articleTags: await countRows(temp.db, "article_tags"),
      articleAuthors: await countRows(temp.db, "article_authors"),
    }).toEqual(afterFirst);
    expect(afterFirst.articles).toBe(baseline + 5);
    const idsAfter = await articleIdsByExternalId(temp.db);
    for (const [externalId, id] of idsBefore) expect(idsAfter.get(externalId)).toBe(id);

    // A changed record updates the stored article in place.
    const changed = makeRecord("t-again-0", { headline: "A new headline", section: "world" });
    expect(await importRecords(temp.db, [changed])).toEqual({
      inserted: 0,
      updated: 1,
      skipped: [],
    });
    const row = await articleRow("t-again-0");
    expect(row).toMatchObject({
      id: idsBefore.get("t-again-0"),
      headline: "A new headline",
      slug: "a-new-headline",
    });
    expect(await countRows(temp.db, "articles")).toBe(baseline + 5);
  });

  it("writes a record given twice in one batch once, as its later line says, with its links", async () => {
    const report = await importRecords(temp.db, [
      makeRecord("t-twice", { headline: "First take", author: "Kim Min-ji", tags: ["Budget"] }),
      makeRecord("t-twice-other", { headline: "Another story" }),
      makeRecord("t-twice", { headline: "Second take", author: "Lee Ji-ho", tags: ["Rain"] }),
    ]);
    expect(report).toEqual({ inserted: 2, updated: 1, skipped: [] });
    const ids = await articleIdsByExternalId(temp.db);
    // Ids follow the input order, as when each line was inserted at once.
    expect(ids.get("t-twice")!).toBeLessThan(ids.get("t-twice-other")!);
    expect(await articleRow("t-twice")).toMatchObject({ headline: "Second take" });
    const links = await temp.db
      .selectFrom("articles as a")
      .leftJoin("article_authors as aa", "aa.article_id", "a.id")
      .leftJoin("authors as au", "au.id", "aa.author_id")
      .leftJoin("article_tags as at", "at.article_id", "a.id")
      .leftJoin("tags as t", "t.id", "at.tag_id")
      .select(["au.name as author", "t.name as tag"])
      .where("a.external_id", "=", "t-twice")
      .execute();
    expect(links).toEqual([{ author: "Lee Ji-ho", tag: "Rain" }]);
  });

  it("stores HTML in a body paragraph as plain text, without script text", async () => {
    const report = await importRecords(temp.db, [
      makeRecord("t-html", {
        headline: "Tom &amp; Jerry <i>return</i>",
        body: [
          "<p>Hello <script>alert(1)</script><b>world</b> &amp; co</p>",
          "<style>p { color: red }</style><p>Second&nbsp;paragraph &lt;b&gt; stays text</p>",
          "<img src=x onerror=alert(1)>",
        ],
      }),
    ]);
    expect(report).toEqual({ inserted: 1, updated: 0, skipped: [] });

    const row = await articleRow("t-html");
    expect(row?.headline).toBe("Tom & Jerry return");
    expect(JSON.parse(row?.body_json ?? "null")).toEqual([
      { type: "paragraph", text: "Hello world & co" },
      { type: "paragraph", text: "Second paragraph <b> stays text" },
    ]);
    expect(row?.body_json).not.toContain("alert");
    expect(row?.body_json).not.toContain("script");
  });

  it('stores a bare date as midnight UTC ("2019-01-14" -> "2019-01-14T00:00:00.000Z")', async () => {
    await importRecords(temp.db, [makeRecord("t-bare-date", { published: "2019-01-14" })]);
    const row = await articleRow("t-bare-date");
    expect(row?.published_at).toBe("2019-01-14T00:00:00.000Z");
    expect(row?.updated_at).toBe("2019-01-14T00:00:00.000Z");
  });

  it("files a record without a section by the section rule, and keeps draft status", async () => {
    const report = await importRecords(temp.db, [
      {
        ...makeRecord("t-rule"),
        section: undefined,
        headline: "North Korea fires a missile",
        status: "draft",
      },
    ]);
    expect(report).toEqual({ inserted: 1, updated: 0, skipped: [] });
    const row = await temp.db
      .selectFrom("articles as a")
      .innerJoin("sections as s", "s.id", "a.section_id")
      .select(["s.slug", "a.status"])
      .where("a.external_id", "=", "t-rule")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ slug: "north-korea", status: "draft" });
  });
});

describe("importJsonLines: text that is not valid Unicode, tags in any script, limits", () => {
  const NOW = "2030-01-01T00:00:00.000Z";
  const store = () => temp.store;

  /** Every stored text of articles, bylines and tags that is not valid Unicode, as "path: reason". */
  async function invalidStoredText(): Promise<string[]> {
    const articles = await temp.db.selectFrom("articles").selectAll().execute();
    const tags = await temp.db.selectFrom("tags").selectAll().execute();
    const authors = await temp.db.selectFrom("authors").selectAll().execute();
    const rows = [
      ...articles.map((a) => ({ ...a, body_json: JSON.parse(a.body_json) as unknown })),
      ...tags,
      ...authors,
    ];
    return rows.flatMap((row) => findInvalidUnicode(row) ?? []);
  }

  it("refuses a lone surrogate in a headline or a body: reported, never stored, the rest kept", async () => {
    const report = await store().importLines([
      line(makeRecord("t-u-ok-1", { tags: ["Kept"] })),
      line(makeRecord("t-u-headline", { headline: "Seoul \ud800 rain", tags: ["Lost tag"] })),
      line(makeRecord("t-u-body", { body: ["Fine.", "Cut emoji \ud83c."] })),
      line(makeRecord("t-u-ok-2")),
    ]);

    expect(report).toEqual({
      inserted: 2,
      updated: 0,
      skipped: [
        {
          line: 2,
          reason:
            'headline: not valid Unicode: lone surrogate U+D800 at character 7, after "Seoul "',
        },
        {
          line: 3,
          reason:
            'body.1: not valid Unicode: lone surrogate U+D83C at character 11, after "Cut emoji "',
        },
      ],
    });
    expect(await articleRow("t-u-headline")).toBeUndefined();
    expect(await articleRow("t-u-body")).toBeUndefined();
    const kept = await articleRow("t-u-ok-1");
    expect((await store().article(kept?.id ?? -1, NOW))?.tags.map((t) => t.name)).toEqual(["Kept"]);
    expect(await articleRow("t-u-ok-2")).toBeDefined();
    // Nothing of a refused record is stored, not even its tags.
    const lostTag = await temp.db
      .selectFrom("tags")
      .select("id")
      .where("name", "=", "Lost tag")
      .execute();
    expect(lostTag).toEqual([]);
    expect(await invalidStoredText()).toEqual([]);
  });

  it("refuses U+FFFE and U+FFFF the same way", async () => {
    const report = await store().importLines([
      line(makeRecord("t-u-fffe", { headline: "Byte order \uFFFE mark" })),
      line(makeRecord("t-u-ffff", { body: ["\uFFFF"] })),
      line(makeRecord("t-u-ok-3")),
    ]);

    expect(report.inserted).toBe(1);
    expect(report.skipped).toEqual([
      {
        line: 1,
        reason:
          'headline: not valid Unicode: noncharacter U+FFFE at character 12, after "Byte order "',
      },
      { line: 2, reason: "body.0: not valid Unicode: noncharacter U+FFFF at character 1" },
    ]);
    expect(await articleRow("t-u-fffe")).toBeUndefined();
    expect(await articleRow("t-u-ffff")).toBeUndefined();
    expect(await articleRow("t-u-ok-3")).toBeDefined();
    expect(await invalidStoredText()).toEqual([]);
  });

  it("keeps an update from a refused line out: the story stays as it was", async () => {
    await store().importLines([line(makeRecord("t-u-again", { headline: "First version" }))]);
    const report = await store().importLines([
      line(makeRecord("t-u-again", { headline: "Second \uFFFF version" })),
    ]);
    expect(report.updated).toBe(0);
    expect(report.skipped).toHaveLength(1);
    expect((await articleRow("t-u-again"))?.headline).toBe("First version");
  });

  it("refuses invalid text from any parser at the last gate before SQLite", async () => {
    const damaged = prepareRecord(1, importRecordSchema.parse(makeRecord("t-u-parser")));
    damaged.record.headline = "Made \ud800 elsewhere";
    const report = await importJsonLines(temp.db, indexerFor(temp.db), [], {
      parse: async function* () {
        yield [damaged];
      },
    });
    expect(report.skipped).toEqual([
      {
        line: 1,
        reason:
          'record.headline: not valid Unicode: lone surrogate U+D800 at character 6, after "Made "',
      },
    ]);
    expect(await articleRow("t-u-parser")).toBeUndefined();
    expect(await invalidStoredText()).toEqual([]);
  });

  it("stores a Korean-only tag under a Korean slug, and Korean bylines apart", async () => {
    const report = await store().importLines([
      line(makeRecord("t-u-ko-1", { tags: ["한국 태그", "東京", "Москва"], author: "김민지" })),
      line(makeRecord("t-u-ko-2", { tags: ["한국 태그"], author: "이서준" })),
    ]);
    expect(report).toEqual({ inserted: 2, updated: 0, skipped: [] });

    const first = await store().article((await articleRow("t-u-ko-1"))?.id ?? -1, NOW);
    expect(first?.tags.map(({ slug, name }) => ({ slug, name }))).toEqual(
      expect.arrayContaining([
        { slug: "한국-태그", name: "한국 태그" },
        { slug: "東京", name: "東京" },
        { slug: "москва", name: "Москва" },
      ]),
    );
    const second = await store().article((await articleRow("t-u-ko-2"))?.id ?? -1, NOW);
    expect(second?.tags.map((t) => t.id)).toEqual([
      first?.tags.find((t) => t.slug === "한국-태그")?.id,
    ]);
    // Each byline is its own author (they used to share the fallback slug "author").
    expect(first?.authors.map((a) => [a.slug, a.name])).toEqual([["김민지", "김민지"]]);
    expect(second?.authors.map((a) => [a.slug, a.name])).toEqual([["이서준", "이서준"]]);
  });

  it("reports a tag of punctuation or emoji only, instead of dropping it", async () => {
    const report = await store().importLines([
      line(makeRecord("t-u-punct", { tags: ["Fine", "!!!"] })),
      line(makeRecord("t-u-emoji", { categories: ["🎉"] })),
    ]);
    expect(report).toEqual({
      inserted: 0,
      updated: 0,
      skipped: [
        {
          line: 1,
          reason: 'tags.1: tag "!!!" has no letter or digit of any script to make a URL slug from',
        },
        {
          line: 2,
          reason:
            'categories.0: tag "🎉" has no letter or digit of any script to make a URL slug from',
        },
      ],
    });
    expect(await articleRow("t-u-punct")).toBeUndefined();
  });

  it("names the limit when a headline is over it", async () => {
    const report = await store().importLines([
      line(makeRecord("t-u-long", { headline: "h".repeat(312) })),
    ]);
    expect(report.skipped).toEqual([
      { line: 1, reason: "headline: headline is 312 characters; the limit is 300" },
    ]);
    expect(await articleRow("t-u-long")).toBeUndefined();
  });
});
