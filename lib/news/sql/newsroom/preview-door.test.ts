import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDb, type TempDb } from "../../test-support/temp-db";

// The door is server-only and reaches the store through getStore(): here, this file's database.
vi.mock("server-only", () => ({}));
let temp: TempDb;
vi.mock("../../connect", () => ({ getStore: async () => temp.store }));

const {
  createPreviewLink,
  listPreviewLinks,
  previewLinkUrl,
  revokePreviewLink,
  staffPreviewGrant,
} = await import("../../../newsroom/preview-links");
const { verifyPreviewToken, PREVIEW_LINK_AUDIENCE } = await import("../../../preview/tokens");

const editor = { id: "ed-1", email: "ed@example.com", name: "Ed", role: "editor" as const };
const writer = { id: "wr-1", email: "wr@example.com", name: "Wri", role: "writer" as const };
const otherWriter = { ...writer, id: "wr-2" };
const SECRET = "a-test-secret-that-is-long-enough-for-hs256-0123456789";
let articleId: number;

beforeAll(async () => {
  vi.stubEnv("DRAFT_SECRET", SECRET);
  temp = await createTempDb({ seed: true });
  articleId = (await temp.db.selectFrom("articles").select("id").executeTakeFirstOrThrow()).id;
  const at = "2026-12-01T00:00:00.000Z";
  await temp.db
    .insertInto("newsroom_stories")
    .values({
      article_id: articleId,
      state: "draft",
      owner_id: writer.id,
      head_revision: 1,
      published_revision: null,
      review_note: null,
      withdrawn_reason: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await temp.destroy();
});

describe("the preview door", () => {
  it("lets editors make links (audited) and refuses writers, bad validity and unknown ids", async () => {
    expect(await createPreviewLink(writer, articleId)).toMatchObject({
      ok: false,
      kind: "forbidden",
    });
    expect(await createPreviewLink(editor, articleId, { hours: 169 })).toMatchObject({
      ok: false,
      kind: "invalid",
    });
    expect(await createPreviewLink(editor, 999_999)).toMatchObject({ kind: "not-found" });
    expect(await createPreviewLink(editor, articleId, { revision: 2 })).toMatchObject({
      kind: "not-found",
    });
    const made = await createPreviewLink(editor, articleId, { hours: 1, revision: 1 });
    if (!made.ok) throw new Error(made.message);
    const token = new URL(made.url).searchParams.get("token");
    expect(
      await verifyPreviewToken(token, PREVIEW_LINK_AUDIENCE, { secret: SECRET }),
    ).toMatchObject({ articleId, linkId: made.id, revision: 1 });
    const log = await temp.store.newsroom().auditLog({ before: null, limit: 5 });
    expect(log[0]).toMatchObject({
      action: "preview-link-created",
      actorId: editor.id,
      articleId,
      detail: { linkId: made.id },
    });
    expect(await previewLinkUrl(editor, articleId, made.id)).toContain("/api/draft?token=");
    expect(await previewLinkUrl({ ...editor, id: "ed-2" }, articleId, made.id)).toBeNull();

    expect(await revokePreviewLink(writer, made.id)).toMatchObject({ kind: "forbidden" });
    expect(await revokePreviewLink(editor, made.id)).toMatchObject({ ok: true });
    expect(await previewLinkUrl(editor, articleId, made.id)).toBeNull();
    const after = await temp.store.newsroom().auditLog({ before: null, limit: 1 });
    expect(after[0]).toMatchObject({ action: "preview-link-revoked", actorId: editor.id });
  });

  it("lists links to editors and the story's writer only; the staff preview follows the same rule", async () => {
    const links = await listPreviewLinks(writer, articleId);
    expect(Array.isArray(links) && links.map((l) => l.state)).toEqual(["revoked"]);
    expect(await listPreviewLinks(otherWriter, articleId)).toMatchObject({ kind: "forbidden" });
    expect(await listPreviewLinks(editor, 999_999)).toBeNull();
    expect(await staffPreviewGrant(writer, articleId)).toMatchObject({
      articleId,
      linkId: null,
      revision: null,
    });
    expect(await staffPreviewGrant(otherWriter, articleId)).toMatchObject({ kind: "forbidden" });
    expect(await staffPreviewGrant(editor, 999_999)).toBeNull();
  });
});
