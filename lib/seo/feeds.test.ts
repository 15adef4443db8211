import fs from "node:fs";
import path from "node:path";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getLatest } from "../news/sql/queries/articles";
import { FEED_SIZE } from "../news/sql/queries/feeds";
import {
  articleIdsByExternalId,
  createTempDb,
  importAll,
  makeRecord,
  type TempDb,
} from "../news/test-support/temp-db";
import { absoluteUrl, feedPath } from "../urls";
import { PHOTO_DIR } from "./feed-data";
import { loadFeedInput } from "../news/sql/queries/feed-input";
import { buildRssFeed } from "./feeds";

const NOW = "2024-06-01T12:00:00.000Z";
const ORIGIN = "https://news.example.com";
const HOSTILE = `Q&A: "Seoul" </script><script>alert(1)</script> 한국 🇰🇷`;
const HOSTILE_ONCE = `Q&amp;A: "Seoul" &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; 한국 🇰🇷`;
const PHOTO = "bison-caprock-canyons.jpg";
/** RFC 822 date-time as RSS 2.0 wants it, with a four-digit year (RFC 1123), in GMT. */
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

type Item = {
  guid?: string;
  link?: string;
  title?: string;
  creator?: string;
  categories?: string[];
};

let temp: TempDb;
let ids: Map<string, number>;
const parser = new Parser();

beforeAll(async () => {
  vi.stubEnv("HERALD_SITE_URL", ORIGIN);
  temp = await createTempDb({ seed: true });
  // Opinion holds nothing in the default content: 2 stories on its own front, 3 in Editorial,
  // plus three that are never public at NOW. English Eye's English Cafe gets one story with an
  // awkward headline; its Podcast stays empty.
  await importAll(temp.db, [
    makeRecord("op-1", { section: "opinion", published: "2024-05-01T00:00:00Z" }),
    makeRecord("op-2", { section: "opinion", published: "2024-05-02T00:00:00Z" }),
    makeRecord("ed-1", {
      section: "opinion/editorial",
      published: "2024-05-03T00:00:00Z",
      headline: "Placeholder for the hostile headline",
      author: "Kim Min-ji",
    }),
    makeRecord("ed-2", {
      section: "opinion/editorial",
      published: "2024-05-04T00:00:00Z",
      lead_image: { file: PHOTO, caption: "Bison", credit: "Credit" },
    }),
    makeRecord("ed-3", { section: "opinion/editorial", published: "2024-05-05T00:00:00Z" }),
    makeRecord("ed-draft", {
      section: "opinion/editorial",
      published: "2024-05-06T00:00:00Z",
      status: "draft",
    }),
    makeRecord("ed-future", { section: "opinion/editorial", published: "2024-07-01T00:00:00Z" }),
    makeRecord("op-scheduled", {
      section: "opinion",
      published: "2024-06-15T00:00:00Z",
      status: "scheduled",
    }),
    makeRecord("cafe-1", {
      section: "english-eye/english-cafe",
      published: "2024-05-01T00:00:00Z",
    }),
  ]);
  ids = await articleIdsByExternalId(temp.db);
  // The importer treats headlines as plain text and would strip the tags: store it verbatim, as
  // e2e/support/load-fixtures.ts does; the same for a headline with a character XML forbids.
  for (const [externalId, headline] of [
    ["ed-1", HOSTILE],
    ["cafe-1", `Bell\u0007 rings &amp; ]]> twice ]]> in the newsroom`],
  ]) {
    await temp.db
      .updateTable("articles")
      .set({ headline })
      .where("external_id", "=", externalId!)
      .execute();
  }
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await temp.destroy();
});

/** The feed of `segments` at NOW, as raw XML and as rss-parser reads it. */
async function feedOf(segments: string[]) {
  const input = await loadFeedInput(temp.db, segments, NOW);
  if (!input) throw new Error(`no feed for ${segments.join("/")}`);
  const xml = buildRssFeed(input);
  return { xml, parsed: await parser.parseString(xml) };
}

const idOf = (externalId: string) => {
  const id = ids.get(externalId);
  if (id === undefined) throw new Error(`not imported: ${externalId}`);
  return id;
};

describe("RSS feeds", () => {
  it("site: the 50 newest public stories, newest first, with the channel's own URLs", async () => {
    const { xml, parsed } = await feedOf([]);
    const latest = await getLatest(temp.db, FEED_SIZE, NOW);
    expect(parsed.items).toHaveLength(50);
    expect(parsed.items.map((i) => i.link)).toEqual(latest.map((a) => absoluteUrl(a.path)));
    expect(parsed.title).toBe("The Korea Herald");
    expect(parsed.link).toBe(`${ORIGIN}/`);
    expect(parsed.feedUrl).toBe(`${ORIGIN}/rss.xml`);
    expect(parsed.language).toBe("en");
    expect(parsed.description).toBeTruthy();
    expect(xml).toContain(
      `<atom:link href="${ORIGIN}${feedPath()}" rel="self" type="application/rss+xml"/>`,
    );
    expect(xml).toContain(`xmlns:atom="http://www.w3.org/2005/Atom"`);
  });

  it("top-level section: its own and its subsections' public stories, exactly", async () => {
    const { xml, parsed } = await feedOf(["opinion"]);
    const expected = ["ed-3", "ed-2", "ed-1", "op-2", "op-1"].map(
      (e) => `${ORIGIN}/article/${idOf(e)}/`,
    );
    expect(parsed.items).toHaveLength(5);
    parsed.items.forEach((item, k) => expect(item.link?.startsWith(expected[k]!)).toBe(true));
    expect(parsed.title).toBe("Opinion - The Korea Herald");
    expect(parsed.link).toBe(`${ORIGIN}/opinion`);
    expect(parsed.feedUrl).toBe(`${ORIGIN}/rss/opinion.xml`);
    expect(xml).toContain(`<atom:link href="${ORIGIN}/rss/opinion.xml" rel="self"`);
  });

  it("subsection: exactly its public stories, titled with its parent", async () => {
    const { parsed } = await feedOf(["opinion", "editorial"]);
    expect(parsed.items).toHaveLength(3);
    expect(parsed.title).toBe("Editorial - Opinion - The Korea Herald");
    expect(parsed.link).toBe(`${ORIGIN}/opinion/editorial`);
    expect(parsed.feedUrl).toBe(`${ORIGIN}/rss/opinion/editorial.xml`);
    expect(parsed.items.every((i) => i.categories?.join("/") === "Opinion/Editorial")).toBe(true);
  });

  it("a section with no stories: a valid feed with no items", async () => {
    const { xml, parsed } = await feedOf(["english-eye", "podcast"]);
    expect(parsed.items).toHaveLength(0);
    expect(parsed.title).toBe("Podcast - English Eye - The Korea Herald");
    expect(xml).not.toContain("<item>");
    expect(xml).toMatch(/<lastBuildDate>Sat, 01 Jun 2024 12:00:00 GMT<\/lastBuildDate>/);
  });

  it("an unknown section has no feed", async () => {
    expect(await loadFeedInput(temp.db, ["no-such-section"], NOW)).toBeNull();
    expect(await loadFeedInput(temp.db, ["opinion", "sports"], NOW)).toBeNull();
  });

  it("writes every date in RFC 822, in GMT", async () => {
    const { xml } = await feedOf([]);
    const dates = [...xml.matchAll(/<(pubDate|lastBuildDate)>([^<]*)<\//g)].map((m) => m[2]!);
    expect(dates.length).toBe(50 + 2);
    for (const date of dates) expect(date).toMatch(RFC_822);
    const { parsed } = await feedOf(["opinion", "editorial"]);
    expect(parsed.items[0]?.pubDate).toBe("Sun, 05 May 2024 00:00:00 GMT");
  });

  it("gives each item a permanent guid: its canonical URL, isPermaLink true", async () => {
    const { xml, parsed } = await feedOf(["opinion"]);
    for (const item of parsed.items as Item[]) {
      expect(item.guid).toBe(item.link);
      expect(item.link).toMatch(new RegExp(`^${ORIGIN}/article/\\d+/[a-z0-9-]+$`));
    }
    expect(xml.match(/<guid isPermaLink="true">/g)).toHaveLength(5);
    expect(xml).not.toContain(`isPermaLink="false"`);
  });

  it("attaches the photo as an image/jpeg enclosure with its size in bytes", async () => {
    const { parsed } = await feedOf(["opinion", "editorial"]);
    const withPhoto = parsed.items.find((i) => i.link?.includes(`/article/${idOf("ed-2")}/`));
    expect(withPhoto?.enclosure).toEqual({
      url: `${ORIGIN}/images/photos/${PHOTO}`,
      type: "image/jpeg",
      length: String(fs.statSync(path.join(PHOTO_DIR, PHOTO)).size),
    });
    expect(parsed.items.filter((i) => i.enclosure)).toHaveLength(1);
  });

  it("leaves the enclosure out when the photo's size is unknown", async () => {
    const input = await loadFeedInput(temp.db, ["opinion", "editorial"], NOW, () => null);
    expect(buildRssFeed(input!)).not.toContain("<enclosure");
  });

  it("round-trips the hostile headline exactly, escaped once and never as markup", async () => {
    const { xml, parsed } = await feedOf(["opinion", "editorial"]);
    expect(parsed.items.map((i) => i.title)).toContain(HOSTILE);
    expect(xml).toContain(`<title>${HOSTILE_ONCE}</title>`);
    expect(xml).not.toContain("&amp;amp;");
    expect(xml).not.toMatch(/<\/?script/i);
    expect(xml).not.toContain("CDATA");
  });

  it("drops characters XML forbids and keeps literal '&amp;' and ']]>' as text", async () => {
    const { xml, parsed } = await feedOf(["english-eye", "english-cafe"]);
    expect(xml).not.toContain("\u0007");
    expect(xml).toContain(
      "<title>Bell rings &amp;amp; ]]&gt; twice ]]&gt; in the newsroom</title>",
    );
    expect(parsed.items.map((i) => i.title)).toContain(
      "Bell rings &amp; ]]> twice ]]> in the newsroom",
    );
  });

  it("escapes section names once in the channel and the categories", async () => {
    const { xml, parsed } = await feedOf(["life-style"]);
    expect(parsed.title).toBe("Life&Style - The Korea Herald");
    expect(xml).toContain("<title>Life&amp;Style - The Korea Herald</title>");
    expect(xml).not.toContain("&amp;amp;");
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(parsed.items.every((i) => i.categories?.[0] === "Life&Style")).toBe(true);
  });

  it("names the byline as dc:creator and gives the summary as description", async () => {
    const { parsed } = await feedOf(["opinion", "editorial"]);
    const hostile = parsed.items.find((i) => i.title === HOSTILE) as Item & { content?: string };
    expect(hostile.creator).toBe("Kim Min-ji");
    expect(hostile.content).toMatch(/^Body of ed-1\./);
  });
});

describe("the feed of an author's or a tag's page", () => {
  it("names the list, links to its page and to itself, and escapes its name once", async () => {
    const path = `/tag/${encodeURIComponent("한국-태그")}`;
    const xml = buildRssFeed({
      publication: { name: "The Korea Herald", locale: "en", copyright: "Herald" },
      front: null,
      list: { kind: "tag", name: "Q&A 한국", path },
      articles: [],
      now: NOW,
    });
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("Tag: Q&A 한국 - The Korea Herald");
    expect(feed.link).toBe(absoluteUrl(path));
    expect(xml).toContain(`<atom:link href="${absoluteUrl(feedPath(path))}" rel="self"`);
    expect(xml).toContain("Tag: Q&amp;A 한국 - The Korea Herald");
  });
});
