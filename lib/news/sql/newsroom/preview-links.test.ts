import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isGrantLive, newLinkId } from "../../../preview/link-check";
import {
  PREVIEW_LINK_AUDIENCE,
  signPreviewToken,
  verifyPreviewToken,
} from "../../../preview/tokens";
import { createTempDb, type TempDb } from "../../test-support/temp-db";

let temp: TempDb;
let articleId: number;
const SECRET = "a-test-secret-that-is-long-enough-for-hs256-0123456789";
const NOW = Date.parse("2026-12-10T00:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
  articleId = (await temp.db.selectFrom("articles").select("id").executeTakeFirstOrThrow()).id;
});
afterAll(() => temp.destroy());

/** Stores a link and returns its verified grant, as /api/draft would see the token. */
async function storedLink(options: { revision?: number | null; hours?: number } = {}) {
  const id = newLinkId();
  const seconds = (options.hours ?? 24) * 3600;
  await temp.store.newsroom().createPreviewLink({
    id,
    articleId,
    revision: options.revision ?? null,
    createdBy: null,
    createdAt: iso(NOW),
    expiresAt: iso(NOW + seconds * 1000),
  });
  const token = await signPreviewToken(articleId, PREVIEW_LINK_AUDIENCE, {
    secret: SECRET,
    now: NOW,
    seconds,
    linkId: id,
    revision: options.revision ?? null,
  });
  const grant = await verifyPreviewToken(token, PREVIEW_LINK_AUDIENCE, {
    secret: SECRET,
    now: NOW,
  });
  return { id, grant: grant! };
}

describe("preview links", () => {
  it("stand while their row is stored, unrevoked and unexpired", async () => {
    const newsroom = temp.store.newsroom();
    const { id, grant } = await storedLink({ revision: 2 });
    expect(grant).toMatchObject({ articleId, linkId: id, revision: 2 });
    expect(await isGrantLive(newsroom, grant, NOW + 1000)).toBe(true);
    expect(await newsroom.previewLink(id)).toMatchObject({
      id,
      articleId,
      revision: 2,
      createdBy: null,
      revokedAt: null,
    });

    const revoked = await newsroom.revokePreviewLink(id, "editor-1", iso(NOW + 2000));
    expect(revoked).toMatchObject({ revokedAt: iso(NOW + 2000), revokedBy: "editor-1" });
    expect(await isGrantLive(newsroom, grant, NOW + 3000)).toBe(false);
    // A second revocation keeps the first.
    await newsroom.revokePreviewLink(id, "editor-2", iso(NOW + 4000));
    expect(await newsroom.previewLink(id)).toMatchObject({ revokedBy: "editor-1" });
    expect(await newsroom.revokePreviewLink("no-such-link-000000", null, iso(NOW))).toBeNull();
  });

  it("are refused once their row has expired, or when the row is missing or names something else", async () => {
    const newsroom = temp.store.newsroom();
    const { grant } = await storedLink({ hours: 1 });
    expect(await isGrantLive(newsroom, grant, NOW + 3_599_000)).toBe(true);
    expect(await isGrantLive(newsroom, grant, NOW + 3_600_000)).toBe(false);

    const { grant: day } = await storedLink();
    expect(await isGrantLive(newsroom, { ...day, linkId: newLinkId() }, NOW)).toBe(false);
    expect(await isGrantLive(newsroom, { ...day, articleId: articleId + 1 }, NOW)).toBe(false);
    expect(await isGrantLive(newsroom, { ...day, revision: 5 }, NOW)).toBe(false);
    // The row's own expiry counts even when a token claims longer.
    const { id } = await storedLink({ hours: 1 });
    const longer = { articleId, linkId: id, revision: null, expiresAt: NOW / 1000 + 7200 };
    expect(await isGrantLive(newsroom, longer, NOW + 3_700_000)).toBe(false);
  });

  it("made before links were stored (no jti) stand until they expire", async () => {
    const legacy = { articleId, linkId: null, revision: null, expiresAt: NOW / 1000 + 60 };
    expect(await isGrantLive(temp.store.newsroom(), legacy, NOW)).toBe(true);
    expect(await isGrantLive(temp.store.newsroom(), legacy, NOW + 60_000)).toBe(false);
  });

  it("are listed per story, newest first, revoked ones included", async () => {
    await temp.store.newsroom().createPreviewLink({
      id: "newest-link-0000000",
      articleId,
      revision: null,
      createdBy: "editor-1",
      createdAt: iso(NOW + 10_000),
      expiresAt: iso(NOW + 20_000),
    });
    await temp.db
      .withTables<{
        auth_user: {
          id: string;
          name: string;
          email: string;
          createdAt: string;
          updatedAt: string;
        };
      }>()
      .insertInto("auth_user")
      .values({
        id: "editor-1",
        name: "Kim <Editor>",
        email: "kim@example.com",
        createdAt: iso(NOW),
        updatedAt: iso(NOW),
      })
      .execute();
    const links = await temp.store.newsroom().previewLinks(articleId);
    expect(links.length).toBe(5);
    expect(links[0]).toMatchObject({
      id: "newest-link-0000000",
      createdBy: "editor-1",
      createdByName: "Kim <Editor>",
    });
    expect(links[1]).toMatchObject({ createdBy: null, createdByName: null });
    expect(links.filter((l) => l.revokedAt !== null)).toHaveLength(1);
    expect(await temp.store.newsroom().previewLinks(articleId + 1)).toEqual([]);
  });
});
