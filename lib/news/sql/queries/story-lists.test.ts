import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addSection,
  articleIdsByExternalId,
  createTempDb,
  importAll,
  makeRecord,
  type TempDb,
} from "../../test-support/temp-db";
import { withdrawArticle } from "../editorial";
import { getAuthorPage } from "./author-page";
import { loadListFeedInput } from "./feed-input";
import { FRONT_PAGE_SIZE } from "./section-front";
import { indexableListings } from "./story-lists";
import { getTagPage } from "./tag-page";

const NOW = "2024-06-01T12:00:00.000Z";
const pad = (n: number) => String(n).padStart(2, "0");

let temp: TempDb;
let ids: Map<string, number>;
const id = (externalId: string) => ids.get(externalId)!;

beforeAll(async () => {
  temp = await createTempDb();
  await addSection(temp.db, "national", { name: "National" });
  await importAll(temp.db, [
    // 45 stories by Kim Ji-su tagged "Seoul", one a day in January and February.
    ...Array.from({ length: 45 }, (_, k) =>
      makeRecord(`kim${pad(k + 1)}`, {
        published: new Date(Date.UTC(2024, 0, 1 + k, 9)).toISOString(),
        author: "Kim Ji-su",
        author_kind: "staff",
        tags: ["Seoul"],
      }),
    ),
    // Two public stories by Yonhap tagged "한국 태그", and one more that is still a draft.
    makeRecord("yon1", {
      published: "2024-03-01T00:00:00Z",
      author: "Yonhap",
      tags: ["한국 태그"],
    }),
    makeRecord("yon2", {
      published: "2024-03-02T00:00:00Z",
      author: "Yonhap",
      tags: ["한국 태그"],
    }),
    makeRecord("yon-draft", {
      published: "2024-03-03T00:00:00Z",
      status: "draft",
      author: "Yonhap",
      tags: ["한국 태그"],
    }),
    // A writer and a tag known only from a draft and a story not yet due.
    makeRecord("secret", {
      published: "2024-03-04T00:00:00Z",
      status: "draft",
      author: "Secret Writer",
      tags: ["Merger talks"],
    }),
    makeRecord("later", { published: "2024-09-01T00:00:00Z", author: "Future Writer" }),
  ]);
  ids = await articleIdsByExternalId(temp.db);
  await temp.db
    .insertInto("publication")
    .values({
      id: 1,
      name: "The Test Herald",
      publisher_company: "Test Herald Corporation",
      locale: "en",
      time_zone: "Asia/Seoul",
      registration_json: JSON.stringify({ copyright: "Test Herald" }),
      date_months_json: "[]",
    })
    .execute();
});
afterAll(async () => {
  await temp.destroy();
});

describe("author pages", () => {
  it("list an author's public stories newest first, paged by cursor like a front", async () => {
    const first = await getAuthorPage(temp.db, "kim-ji-su", null, NOW);
    expect(first?.author).toMatchObject({
      name: "Kim Ji-su",
      kind: "staff",
      bio: null,
      photo: null,
    });
    expect(first?.articles.map((a) => a.id)).toEqual(
      Array.from({ length: FRONT_PAGE_SIZE }, (_, k) => id(`kim${pad(45 - k)}`)),
    );
    expect(first?.newer).toBeNull();
    expect(first?.older).toEqual({ before: id(`kim${pad(26)}`) });
    expect(first?.indexable).toBe(true);

    const second = await getAuthorPage(temp.db, "kim-ji-su", first!.older!.before, NOW);
    expect(second?.articles[0]?.id).toBe(id(`kim${pad(25)}`));
    expect(second?.newer).toEqual({ before: null });
    const third = await getAuthorPage(temp.db, "kim-ji-su", second!.older!.before, NOW);
    expect(third?.articles.map((a) => a.id)).toEqual(
      [5, 4, 3, 2, 1].map((n) => id(`kim${pad(n)}`)),
    );
    expect(third?.older).toBeNull();
    expect(third?.newer).toEqual({ before: first!.older!.before });
    expect(third?.indexable).toBe(true);
  });

  it("are thin below three public stories, and never count a draft", async () => {
    const yonhap = await getAuthorPage(temp.db, "yonhap", null, NOW);
    expect(yonhap?.articles.map((a) => a.id)).toEqual([id("yon2"), id("yon1")]);
    expect(yonhap?.indexable).toBe(false);
  });

  it("do not exist for an unknown author, one known only from drafts or stories not yet due, or a foreign cursor", async () => {
    expect(await getAuthorPage(temp.db, "nobody", null, NOW)).toBeNull();
    expect(await getAuthorPage(temp.db, "secret-writer", null, NOW)).toBeNull();
    expect(await getAuthorPage(temp.db, "future-writer", null, NOW)).toBeNull();
    expect(
      await getAuthorPage(temp.db, "future-writer", null, "2024-09-02T00:00:00Z"),
    ).not.toBeNull();
    expect(await getAuthorPage(temp.db, "kim-ji-su", id("yon1"), NOW)).toBeNull();
    expect(await getAuthorPage(temp.db, "yonhap", id("yon-draft"), NOW)).toBeNull();
  });

  it("carry the bio and photo an author has", async () => {
    const image = await temp.db
      .insertInto("images")
      .values({
        file: "kim.jpg",
        width: 400,
        height: 400,
        alt: "Kim Ji-su",
        caption: "Kim Ji-su",
        credit: "Herald",
        licence: "All rights reserved",
        source: "Herald",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await temp.db
      .updateTable("authors")
      .set({ bio: "Covers Seoul city hall.", image_id: image.id })
      .where("slug", "=", "kim-ji-su")
      .execute();
    const page = await getAuthorPage(temp.db, "kim-ji-su", null, NOW);
    expect(page?.author.bio).toBe("Covers Seoul city hall.");
    expect(page?.author.photo).toMatchObject({ src: "/images/photos/kim.jpg", alt: "Kim Ji-su" });
  });
});

describe("tag pages", () => {
  it("list a tag's public stories by its slug in any script", async () => {
    const page = await getTagPage(temp.db, "한국-태그", null, NOW);
    expect(page?.tag.name).toBe("한국 태그");
    expect(page?.articles.map((a) => a.id)).toEqual([id("yon2"), id("yon1")]);
    expect(page?.indexable).toBe(false);
    expect((await getTagPage(temp.db, "seoul", null, NOW))?.indexable).toBe(true);
  });

  it("do not reveal a tag known only from drafts", async () => {
    expect(await getTagPage(temp.db, "merger-talks", null, NOW)).toBeNull();
  });

  it("lose a withdrawn story at once, and a list emptied so has no page", async () => {
    const temp2 = await createTempDb();
    try {
      await addSection(temp2.db, "national", { name: "National" });
      await importAll(temp2.db, [
        makeRecord("only", { published: "2024-01-01T00:00:00Z", tags: ["Lonely"] }),
      ]);
      const only = (await articleIdsByExternalId(temp2.db)).get("only")!;
      expect(await getTagPage(temp2.db, "lonely", null, NOW)).not.toBeNull();
      expect(await withdrawArticle(temp2.db, only, NOW)).toBe(true);
      expect(await getTagPage(temp2.db, "lonely", null, NOW)).toBeNull();
    } finally {
      await temp2.destroy();
    }
  });
});

describe("sitemaps and feeds of lists", () => {
  it("list only the author and tag pages with at least three public stories", async () => {
    const path = (slug: string) => `/x/${slug}`;
    expect(await indexableListings(temp.db, "article_authors", NOW, path)).toEqual([
      { path: "/x/kim-ji-su", lastmod: expect.any(String) },
    ]);
    expect(await indexableListings(temp.db, "article_tags", NOW, path)).toEqual([
      { path: "/x/seoul", lastmod: expect.any(String) },
    ]);
  });

  it("feed an author's or a tag's public stories, and nothing for a list without a page", async () => {
    const feed = await loadListFeedInput(temp.db, "tag", "한국-태그", NOW, () => null);
    expect(feed?.list).toEqual({
      kind: "tag",
      name: "한국 태그",
      path: `/tag/${encodeURIComponent("한국-태그")}`,
    });
    expect(feed?.articles.map((a) => a.id)).toEqual([id("yon2"), id("yon1")]);
    expect(
      (await loadListFeedInput(temp.db, "author", "kim-ji-su", NOW, () => null))?.articles,
    ).toHaveLength(45);
    expect(await loadListFeedInput(temp.db, "author", "secret-writer", NOW, () => null)).toBeNull();
    expect(await loadListFeedInput(temp.db, "tag", "nothing", NOW, () => null)).toBeNull();
  });
});
