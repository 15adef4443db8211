import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyStory, type StoryContent } from "../../../newsroom/story-content";
import type { NewsroomStore } from "../../newsroom-store";
import { addSection, createTempDb, type TempDb } from "../../test-support/temp-db";
import { searchArticles } from "../queries/search";
import { publicSlug } from "./publish";
import { EDITOR, WRITER, readyContent } from "./test-stories";

let temp: TempDb;
let store: NewsroomStore;
let section: number;
const AT = "2026-12-01T00:00:00.000Z";
const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();

beforeAll(async () => {
  temp = await createTempDb();
  store = temp.store.newsroom();
  section = await addSection(temp.db, "national", { name: "National" });
});
afterAll(() => temp.destroy());

/** A new story saved with `content` (version 2, revision 2). */
async function written(content: StoryContent): Promise<number> {
  const { id } = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
  const saved = await store.saveStory(id, { version: 1, content, by: WRITER, at: AT });
  if (!saved?.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
  return id;
}

const hits = async (q: string, now: string) =>
  (await searchArticles(temp.db, temp.search, { q, page: 1 }, now)).hits.map((h) => h.id);

describe("publishing", () => {
  it("publishes now: the article row, bylines, tags and the search index, text as typed", async () => {
    const content = readyContent(section, {
      headline: `Zanzibar <img src=x onerror=alert(1)> harbour`,
      standfirst: "javascript:alert(1)",
      slug: "zanzibar-harbour",
      byline: [
        { name: "Kim Min-ji", kind: "staff" },
        { name: "Yonhap", kind: "agency" },
      ],
      tags: ["Harbours", "바다"],
      body: [{ type: "paragraph", text: "Quayside <script>alert(2)</script> cranes" }],
    });
    const id = await written(content);
    expect(await hits("zanzibar", later(1))).toEqual([]);
    const done = await store.publishStory(id, {
      version: 2,
      publishAt: later(1),
      correction: null,
      at: later(1),
    });
    expect(done).toEqual({ ok: true, version: 3, action: "published", imageAltChanged: false });

    const article = await temp.store.article(id, later(1));
    expect(article).toMatchObject({
      headline: content.headline,
      standfirst: "javascript:alert(1)",
      body: content.body,
      publishedAt: later(1),
      updatedAt: later(1),
      path: `/article/${id}/zanzibar-harbour`,
    });
    expect(article?.authors.map((a) => [a.name, a.kind, a.slug])).toEqual([
      ["Kim Min-ji", "staff", "kim-min-ji"],
      ["Yonhap", "agency", "yonhap"],
    ]);
    expect(article?.tags.map((t) => t.name).sort()).toEqual(["Harbours", "바다"]);
    expect(await hits("zanzibar", later(1))).toEqual([id]);
    expect(await hits("cranes", later(1))).toEqual([id]);
    expect(await store.story(id)).toMatchObject({
      state: "published",
      publishedRevision: 2,
      version: 3,
    });
  });

  it("schedules for a future time: public by the clock alone, at its time", async () => {
    const id = await written(readyContent(section, { headline: "Quokka census", slug: "quokka" }));
    const done = await store.publishStory(id, {
      version: 2,
      publishAt: later(120),
      correction: null,
      at: later(1),
    });
    expect(done).toMatchObject({ ok: true, action: "scheduled" });
    expect(await temp.store.article(id, later(119))).toBeNull();
    expect(await hits("quokka", later(119))).toEqual([]);
    expect(await temp.store.article(id, later(120))).toMatchObject({ headline: "Quokka census" });
    expect(await hits("quokka", later(121))).toEqual([id]);
    const desk = await store.desk(
      { state: "scheduled", sort: "newest", page: 1, pageSize: 10, words: "quokka" },
      later(2),
    );
    expect(desk.rows.map((r) => r.id)).toEqual([id]);
  });

  it("gives an unpublished story's row the URL it will have, and a live story's only on republish", async () => {
    const slugOf = async (id: number) =>
      (
        await temp.db
          .selectFrom("articles")
          .select("slug")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).slug;
    const id = await written(readyContent(section, { headline: "Url one", slug: "url-one" }));
    expect(await slugOf(id)).toBe("url-one");
    await store.publishStory(id, {
      version: 2,
      publishAt: later(1),
      correction: null,
      at: later(1),
    });
    const renamed = readyContent(section, { headline: "Url one", slug: "url-two" });
    await store.saveStory(id, { version: 3, content: renamed, by: EDITOR, at: later(2) });
    expect(await slugOf(id)).toBe("url-one");
  });

  it("keeps a live story's public row until it is republished, then sets its Updated time", async () => {
    const id = await written(
      readyContent(section, { headline: "Old harbour headline", slug: "live-edit" }),
    );
    await store.publishStory(id, {
      version: 2,
      publishAt: later(1),
      correction: null,
      at: later(1),
    });
    const edited = readyContent(section, { headline: "New harbour headline", slug: "live-edit" });
    expect(
      await store.saveStory(id, { version: 3, content: edited, by: EDITOR, at: later(5) }),
    ).toEqual({ ok: true, version: 4, revision: 3 });

    expect((await temp.store.article(id, later(6)))?.headline).toBe("Old harbour headline");
    expect(await store.story(id)).toMatchObject({ headRevision: 3, publishedRevision: 2 });
    const desk = await store.desk(
      { state: "published", sort: "newest", page: 1, pageSize: 10, words: "harbour headline" },
      later(6),
    );
    expect(desk.rows).toMatchObject([
      { id, headline: "New harbour headline", hasPendingChanges: true },
    ]);

    const done = await store.publishStory(id, {
      version: 4,
      publishAt: later(10),
      correction: "An earlier version misnamed the harbour.",
      at: later(10),
    });
    expect(done).toMatchObject({ ok: true, action: "republished" });
    const article = await temp.store.article(id, later(10));
    expect(article).toMatchObject({
      headline: "New harbour headline",
      publishedAt: later(1),
      updatedAt: later(10),
    });
    expect(article?.corrections).toEqual([
      { text: "An earlier version misnamed the harbour.", publishedAt: later(10) },
    ]);
    const story = await store.story(id);
    expect(story).toMatchObject({
      publishedRevision: 3,
      corrections: [{ text: "An earlier version misnamed the harbour.", publishedAt: later(10) }],
    });
    const revisions = await store.revisions(id);
    expect(revisions.find((r) => r.published)?.number).toBe(3);
  });

  it("restores an old revision as a new head revision, which readers see only once republished", async () => {
    const id = await written(
      readyContent(section, { headline: "Version one", slug: "restore-me" }),
    );
    await store.publishStory(id, {
      version: 2,
      publishAt: later(1),
      correction: null,
      at: later(1),
    });
    await store.saveStory(id, {
      version: 3,
      content: readyContent(section, { headline: "Version two", slug: "restore-me" }),
      by: EDITOR,
      at: later(2),
    });
    const old = await store.revisionContent(id, 2);
    const restored = await store.saveStory(id, {
      version: 4,
      content: old!,
      by: EDITOR,
      at: later(3),
      note: "Restored from revision 2",
      force: true,
    });
    expect(restored).toEqual({ ok: true, version: 5, revision: 4 });
    expect((await store.revisions(id))[0]).toMatchObject({
      number: 4,
      note: "Restored from revision 2",
    });
    expect((await store.story(id))?.content.headline).toBe("Version one");
  });

  it("withdraws: the URL's story leaves every public read and search; the reason is kept", async () => {
    const id = await written(
      readyContent(section, { headline: "Walrus sighting", slug: "walrus" }),
    );
    await store.publishStory(id, {
      version: 2,
      publishAt: later(1),
      correction: null,
      at: later(1),
    });
    expect(await hits("walrus", later(2))).toEqual([id]);
    expect(await store.withdrawStory(id, { version: 2, reason: "x", at: later(3) })).toEqual({
      ok: false,
      kind: "conflict",
    });
    expect(
      await store.withdrawStory(id, { version: 3, reason: "Legal <b>hold</b>", at: later(3) }),
    ).toEqual({ ok: true, version: 4 });
    expect(await temp.store.article(id, later(4))).toBeNull();
    expect(await temp.store.articleState(id, later(4))).toMatchObject({ state: "withdrawn" });
    expect(await hits("walrus", later(4))).toEqual([]);
    expect(await store.story(id)).toMatchObject({
      state: "withdrawn",
      withdrawnReason: "Legal <b>hold</b>",
    });
    expect(
      await store.publishStory(id, {
        version: 4,
        publishAt: later(5),
        correction: null,
        at: later(5),
      }),
    ).toEqual({ ok: false, kind: "state" });
    const desk = await store.desk(
      { state: "withdrawn", sort: "newest", page: 1, pageSize: 10, words: "walrus" },
      later(5),
    );
    expect(desk.rows.map((r) => r.id)).toEqual([id]);
  });

  it("refuses a section or lead photo that no longer exists, by name", async () => {
    const id = await written(
      readyContent(section, {
        slug: "gone-photo",
        lead: { imageId: 987_654, caption: "", credit: "x", alt: "x" },
      }),
    );
    expect(
      await store.publishStory(id, {
        version: 2,
        publishAt: later(1),
        correction: null,
        at: later(1),
      }),
    ).toEqual({ ok: false, kind: "missing", field: "lead.imageId" });
    const other = await written(readyContent(987_654, { slug: "gone-section" }));
    expect(
      await store.publishStory(other, {
        version: 2,
        publishAt: later(1),
        correction: null,
        at: later(1),
      }),
    ).toEqual({ ok: false, kind: "missing", field: "sectionId" });
    expect(await temp.store.article(id, later(2))).toBeNull();
  });

  it("refuses to publish at a stale version", async () => {
    const id = await written(
      readyContent(section, { headline: "Stale publish", slug: "stale-publish" }),
    );
    expect(
      await store.publishStory(id, {
        version: 1,
        publishAt: later(1),
        correction: null,
        at: later(1),
      }),
    ).toEqual({ ok: false, kind: "conflict" });
    expect(await temp.store.article(id, later(2))).toBeNull();
  });

  it("writes the lead photo's alt text to its image", async () => {
    const image = await temp.db
      .insertInto("images")
      .values({
        file: "media/x.jpg",
        width: 800,
        height: 600,
        alt: "",
        caption: "",
        credit: "",
        licence: "",
        source: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const id = await written(
      readyContent(section, {
        slug: "with-photo",
        lead: {
          imageId: image.id,
          caption: "The quay <b>at dawn</b>",
          credit: "Herald / Lee",
          alt: "Cranes on a quay",
        },
      }),
    );
    const done = await store.publishStory(id, {
      version: 2,
      publishAt: later(1),
      correction: null,
      at: later(1),
    });
    expect(done).toMatchObject({ ok: true, imageAltChanged: true });
    const article = await temp.store.article(id, later(1));
    expect(article?.leadImage).toMatchObject({
      caption: "The quay <b>at dawn</b>",
      credit: "Herald / Lee",
      image: { id: image.id, alt: "Cranes on a quay" },
    });
  });
});

describe("publicSlug", () => {
  it("keeps an ASCII slug and spells any other in ASCII for the URL", () => {
    expect(publicSlug({ slug: "seoul-rain", headline: "x" })).toBe("seoul-rain");
    expect(publicSlug({ slug: "서울-폭우", headline: "Seoul floods" })).toBe("seoul-floods");
    expect(publicSlug({ slug: "서울", headline: "서울" })).toBe("article");
  });
});
