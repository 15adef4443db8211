import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyStory, type StoryContent } from "../../../newsroom/story-content";
import { createTempDb, type TempDb } from "../../test-support/temp-db";

let temp: TempDb;
let draftId: number;
let importedId: number;
const NOW = "2026-12-10T00:00:00.000Z";
const HOSTILE = `</script><script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & 'single'`;

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
  const rows = await temp.db
    .selectFrom("articles")
    .select(["id", "external_id"])
    .orderBy("id")
    .execute();
  draftId = rows.find((r) => r.external_id === "herald-draft-editorial-corrections")!.id;
  importedId = rows.find((r) => r.id !== draftId)!.id;
});
afterAll(() => temp.destroy());

async function makeStory(id: number, revisions: StoryContent[], published: number | null) {
  await temp.db
    .insertInto("newsroom_stories")
    .values({
      article_id: id,
      state: published ? "published" : "draft",
      owner_id: "writer-1",
      head_revision: revisions.length,
      published_revision: published,
      review_note: null,
      withdrawn_reason: null,
      created_at: "2026-12-01T00:00:00.000Z",
      updated_at: "2026-12-01T00:00:00.000Z",
    })
    .execute();
  for (const [i, content] of revisions.entries())
    await temp.db
      .insertInto("article_revisions")
      .values({
        article_id: id,
        number: i + 1,
        content_json: JSON.stringify(content),
        created_by: "writer-1",
        created_at: `2026-12-0${i + 2}T00:00:00.000Z`,
        note: null,
      })
      .execute();
}

describe("revisionArticle", () => {
  it("shows a revision's content as the public page would, hostile text kept as text", async () => {
    const child = await temp.db
      .selectFrom("sections as s")
      .innerJoin("sections as p", "p.id", "s.parent_id")
      .select(["s.id", "s.slug", "s.name", "p.id as pid", "p.slug as pslug"])
      .executeTakeFirstOrThrow();
    const author = await temp.db.selectFrom("authors").selectAll().executeTakeFirstOrThrow();
    const image = await temp.db.selectFrom("images").selectAll().executeTakeFirstOrThrow();
    const first: StoryContent = { ...emptyStory(), headline: "First words", slug: "first" };
    const second: StoryContent = {
      headline: HOSTILE,
      standfirst: `${HOSTILE} standfirst`,
      slug: "서울-시장",
      sectionId: child.id,
      byline: [
        { name: author.name, kind: "staff" },
        { name: "Yonhap <b>", kind: "agency" },
      ],
      tags: ["Zebra", HOSTILE],
      lead: { imageId: image.id, caption: HOSTILE, credit: "Credit & co", alt: "Alt text" },
      body: [
        { type: "heading", text: HOSTILE },
        { type: "paragraph", text: "javascript:alert(1)" },
        { type: "photo", imageId: image.id, alt: "A photo", caption: HOSTILE, credit: "AP" },
        { type: "script", text: "not a block" } as never,
      ],
      publishAt: "2030-01-01T00:00:00.000Z",
    };
    await makeStory(draftId, [first, second], null);

    const head = await temp.store.newsroom().revisionArticle(draftId, null, NOW);
    expect(head).toMatchObject({
      id: draftId,
      slug: "서울-시장",
      path: `/article/${draftId}/서울-시장`,
      headline: HOSTILE,
      standfirst: `${HOSTILE} standfirst`,
      summary: `${HOSTILE} standfirst`,
      publishedAt: "2030-01-01T00:00:00.000Z",
      updatedAt: "2026-12-03T00:00:00.000Z",
      section: { id: child.id, slug: child.slug, path: `/${child.pslug}/${child.slug}` },
      topSection: { id: child.pid, path: `/${child.pslug}` },
      leadImage: { caption: HOSTILE, credit: "Credit & co" },
    });
    expect(head!.body.slice(0, 2)).toEqual(second.body.slice(0, 2));
    // Photos get their src as on the public page; what is not a block is left out.
    expect(head!.body).toHaveLength(3);
    expect(head!.body[2]).toMatchObject({ type: "photo", imageId: image.id, caption: HOSTILE });
    expect((head!.body[2] as { src?: string }).src).toMatch(/\S/);
    expect(head!.authors).toEqual([
      { id: author.id, slug: author.slug, name: author.name, kind: "staff" },
      { id: 0, slug: "yonhap-b", name: "Yonhap <b>", kind: "agency" },
    ]);
    expect(head!.tags.map((t) => t.name)).toEqual([HOSTILE, "Zebra"]);
    expect(head!.leadImage!.image).toMatchObject({
      id: image.id,
      alt: "Alt text",
      caption: HOSTILE,
      width: image.width,
    });

    const older = await temp.store.newsroom().revisionArticle(draftId, 1, NOW);
    const row = await temp.db
      .selectFrom("articles")
      .select(["slug", "section_id", "published_at"])
      .where("id", "=", draftId)
      .executeTakeFirstOrThrow();
    // An empty revision falls back on the articles row for section, and on `now` for the time.
    expect(older).toMatchObject({ headline: "First words", slug: "first", leadImage: null });
    expect(older!.section.id).toBe(row.section_id);
    expect(older!.publishedAt).toBe(row.published_at ?? NOW);
    expect(older!.authors).toEqual([]);
  });

  it("is null for an unknown revision, an imported story and unreadable content", async () => {
    const newsroom = temp.store.newsroom();
    expect(await newsroom.revisionArticle(draftId, 9, NOW)).toBeNull();
    expect(await newsroom.revisionArticle(importedId, null, NOW)).toBeNull();
    expect(await newsroom.storyRevisionsState(importedId)).toBeNull();
    expect(await newsroom.revisionArticle(999_999, null, NOW)).toBeNull();
    await temp.db
      .insertInto("article_revisions")
      .values({
        article_id: draftId,
        number: 3,
        content_json: "{not json",
        created_by: null,
        created_at: NOW,
        note: null,
      })
      .execute();
    expect(await newsroom.revisionArticle(draftId, 3, NOW)).toBeNull();
  });

  it("tells the head and published revisions apart", async () => {
    expect(await temp.store.newsroom().storyRevisionsState(draftId)).toEqual({
      state: "draft",
      ownerId: "writer-1",
      headRevision: 2,
      publishedRevision: null,
    });
  });
});
