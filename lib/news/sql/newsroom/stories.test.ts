import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyStory } from "../../../newsroom/story-content";
import type { NewsroomStore } from "../../newsroom-store";
import {
  addSection,
  articleIdsByExternalId,
  importAll,
  makeRecord,
  type TempDb,
  createTempDb,
} from "../../test-support/temp-db";
import { EDITOR, WRITER, readyContent } from "./test-stories";

let temp: TempDb;
let store: NewsroomStore;
let news: number;
let sport: number;
const AT = "2026-12-01T00:00:00.000Z";
const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();

beforeAll(async () => {
  temp = await createTempDb();
  store = temp.store.newsroom();
  news = await addSection(temp.db, "national", { name: "National" });
  sport = await addSection(temp.db, "sport", { name: "Sport" });
});
afterAll(() => temp.destroy());

describe("creating and saving a story", () => {
  it("creates a draft: an unpublished article row, a workflow row and revision 1", async () => {
    const { id } = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
    const story = await store.story(id);
    expect(story).toMatchObject({
      id,
      state: "draft",
      ownerId: WRITER.id,
      version: 1,
      headRevision: 1,
      publishedRevision: null,
      publishedAt: null,
      content: emptyStory(),
    });
    const article = await temp.db
      .selectFrom("articles")
      .select(["status", "external_id", "section_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(article.status).toBe("draft");
    expect(article.external_id).toMatch(/^newsroom:[0-9a-f-]{36}$/);
    expect(article.section_id).toBe(news);
    expect(await temp.store.article(id, later(60))).toBeNull();
  });

  it("keeps a revision only when the content changed, and raises the version", async () => {
    const { id } = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
    const content = readyContent(news, { slug: "saves" });
    const first = await store.saveStory(id, { version: 1, content, by: WRITER, at: later(1) });
    expect(first).toEqual({ ok: true, version: 2, revision: 2 });
    const same = await store.saveStory(id, { version: 2, content, by: WRITER, at: later(2) });
    expect(same).toEqual({ ok: true, version: 2, revision: null });
    const revisions = await store.revisions(id);
    expect(revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(revisions[0]).toMatchObject({
      createdBy: WRITER.id,
      createdByName: WRITER.name,
      createdAt: later(1),
    });
    expect((await store.story(id))?.content).toEqual(content);
  });

  it("refuses a stale save but keeps its content as a revision, and applies nothing", async () => {
    const { id } = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
    const mine = readyContent(news, { headline: "Writer's headline", slug: "conflict-story" });
    const theirs = readyContent(news, { headline: "Editor's headline", slug: "conflict-story" });
    expect(
      await store.saveStory(id, { version: 1, content: mine, by: WRITER, at: later(1) }),
    ).toMatchObject({ ok: true, version: 2 });
    // The editor opened version 1 too, and saves after the writer.
    const refused = await store.saveStory(id, {
      version: 1,
      content: theirs,
      by: EDITOR,
      at: later(2),
    });
    expect(refused).toMatchObject({ ok: false, kind: "conflict", keptAsRevision: 3 });
    if (refused?.ok !== false || refused.kind !== "conflict") throw new Error("no conflict");
    expect(refused.current.content.headline).toBe("Writer's headline");
    expect(refused.current.version).toBe(2);

    const story = await store.story(id);
    expect(story).toMatchObject({ version: 2, headRevision: 2 });
    expect(story?.content.headline).toBe("Writer's headline");
    const revisions = await store.revisions(id);
    expect(revisions[0]).toMatchObject({
      number: 3,
      createdByName: EDITOR.name,
      note: "Not applied: saved over revision 2 by Wanda Writer",
    });
    expect((await store.revisionContent(id, 3))?.headline).toBe("Editor's headline");

    // The editor reloads (version 2) and saves again: applied, as revision 4.
    const retry = await store.saveStory(id, {
      version: 2,
      content: theirs,
      by: EDITOR,
      at: later(3),
    });
    expect(retry).toEqual({ ok: true, version: 3, revision: 4 });
    expect((await store.story(id))?.headRevision).toBe(4);
  });

  it("refuses a slug another story holds, in any language", async () => {
    const a = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
    const b = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
    const slug = "서울-폭우";
    expect(
      await store.saveStory(a.id, {
        version: 1,
        content: readyContent(news, { slug }),
        by: WRITER,
        at: later(1),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await store.saveStory(b.id, {
        version: 1,
        content: readyContent(news, { slug }),
        by: WRITER,
        at: later(1),
      }),
    ).toEqual({
      ok: false,
      kind: "slug-taken",
      byStory: a.id,
    });
    expect((await store.story(b.id))?.version).toBe(1);
  });

  it("stores hostile text exactly as typed", async () => {
    const { id } = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
    const hostile = readyContent(news, {
      headline: `<img src=x onerror="alert(1)"> & "quotes"`,
      standfirst: "javascript:alert(document.cookie)",
      slug: "hostile",
      lead: { imageId: null, caption: "<img onerror=alert(2)>", credit: "</script>", alt: "" },
      body: [{ type: "paragraph", text: "<script>alert(3)</script> data:text/html,<b>x</b>" }],
    });
    await store.saveStory(id, { version: 1, content: hostile, by: WRITER, at: later(1) });
    expect((await store.story(id))?.content).toEqual(hostile);
  });

  it("changes state only from the states named, and only at the current version", async () => {
    const { id } = await store.createStory({ owner: WRITER, content: emptyStory(), at: AT });
    expect(
      await store.changeStoryState(id, { version: 1, from: ["review"], to: "draft", at: later(1) }),
    ).toEqual({ ok: false, kind: "state" });
    expect(
      await store.changeStoryState(id, { version: 9, from: ["draft"], to: "review", at: later(1) }),
    ).toEqual({ ok: false, kind: "conflict" });
    expect(
      await store.changeStoryState(id, { version: 1, from: ["draft"], to: "review", at: later(1) }),
    ).toEqual({ ok: true, version: 2 });
    expect(
      await store.changeStoryState(id, {
        version: 2,
        from: ["review"],
        to: "draft",
        reviewNote: "Add a source",
        at: later(2),
      }),
    ).toEqual({ ok: true, version: 3 });
    expect(await store.story(id)).toMatchObject({ state: "draft", reviewNote: "Add a source" });
    expect(
      await store.changeStoryState(999_999, { version: 1, from: ["draft"], to: "review", at: AT }),
    ).toBeNull();
  });
});

describe("an imported story", () => {
  it("gets its workflow row and revision 1 from the article on first open", async () => {
    await importAll(temp.db, [
      makeRecord("imported-1", {
        section: "national",
        headline: "Imported headline",
        author: "Lee Ji-ho",
        tags: ["Politics"],
        published: "2025-05-01T00:00:00.000Z",
      }),
    ]);
    const id = (await articleIdsByExternalId(temp.db)).get("imported-1")!;
    const story = await store.story(id);
    expect(story).toMatchObject({
      state: "published",
      ownerId: null,
      version: 1,
      headRevision: 1,
      publishedRevision: 1,
      publishedAt: "2025-05-01T00:00:00.000Z",
    });
    expect(story?.content).toMatchObject({
      headline: "Imported headline",
      sectionId: news,
      byline: [{ name: "Lee Ji-ho", kind: "staff" }],
      tags: ["Politics"],
      publishAt: "2025-05-01T00:00:00.000Z",
    });
    // Opening it again finds the same row.
    expect((await store.story(id))?.headRevision).toBe(1);
    expect(await store.revisions(id)).toHaveLength(1);
    expect(await store.story(999_999)).toBeNull();
  });
});

describe("the desk", () => {
  it("lists by state, filters by section, owner, byline and headline words, sorts and pages", async () => {
    const owner = { id: "desk-writer", name: "Desk Writer" };
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const { id } = await store.createStory({ owner, content: emptyStory(), at: AT });
      await store.saveStory(id, {
        version: 1,
        content: readyContent(i % 2 ? sport : news, {
          headline: `Desk story ${i} ${i === 3 ? "Typhoon 100% Warning" : ""}`,
          slug: `desk-${i}`,
          byline: [{ name: i === 4 ? "Park Agency" : "Desk Writer", kind: "staff" }],
        }),
        by: owner,
        at: later(10 + i),
      });
      ids.push(id);
    }
    const base = {
      state: "draft" as const,
      sort: "newest" as const,
      ownerId: owner.id,
      page: 1,
      pageSize: 2,
    };
    const first = await store.desk(base, later(100));
    expect(first.total).toBe(5);
    expect(first.hasMore).toBe(true);
    expect(first.rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(first.rows[0]).toMatchObject({
      state: "draft",
      sectionName: "Sport",
      authorNames: ["Desk Writer"],
      ownerId: owner.id,
      hasPendingChanges: false,
      publishedAt: null,
    });
    const last = await store.desk({ ...base, page: 3 }, later(100));
    expect(last.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(last.hasMore).toBe(false);
    const oldest = await store.desk({ ...base, sort: "oldest" }, later(100));
    expect(oldest.rows.map((r) => r.id)).toEqual([ids[0], ids[1]]);

    const all = { ...base, pageSize: 50 };
    expect((await store.desk({ ...all, section: news }, later(100))).rows.map((r) => r.id)).toEqual(
      [ids[3], ids[1]],
    );
    expect(
      (await store.desk({ ...all, words: "typhoon 100%" }, later(100))).rows.map((r) => r.id),
    ).toEqual([ids[2]]);
    expect((await store.desk({ ...all, words: "_" }, later(100))).total).toBe(0);
    expect(
      (await store.desk({ ...all, ownerId: undefined, author: "park" }, later(100))).rows.map(
        (r) => r.id,
      ),
    ).toEqual([ids[3]]);
    expect((await store.desk({ ...all, ownerId: "somebody-else" }, later(100))).total).toBe(0);
    expect((await store.desk({ ...all, state: "review" }, later(100))).total).toBe(0);
  });

  it("lists imported stories by their article's state", async () => {
    await importAll(temp.db, [
      makeRecord("desk-imported", {
        section: "sport",
        headline: "Imported for the desk",
        published: "2025-01-01T00:00:00Z",
      }),
      makeRecord("desk-future", {
        section: "sport",
        headline: "Imported future",
        published: "2030-01-01T00:00:00Z",
      }),
    ]);
    const query = { sort: "newest" as const, page: 1, pageSize: 50 };
    const published = await store.desk(
      { ...query, state: "published", words: "imported for" },
      later(100),
    );
    expect(published.rows.map((r) => r.headline)).toEqual(["Imported for the desk"]);
    const scheduled = await store.desk(
      { ...query, state: "scheduled", words: "imported" },
      later(100),
    );
    expect(scheduled.rows.map((r) => r.headline)).toEqual(["Imported future"]);
  });
});
