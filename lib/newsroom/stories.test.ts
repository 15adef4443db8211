import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { addSection, createTempDb, type TempDb } from "../news/test-support/temp-db";
import type { NewsTag } from "../news/freshness";
import type { Staff } from "./session";
import { NewsroomForbiddenError, NewsroomNotFoundError, storiesDoor } from "./stories";
import { emptyStory } from "./story-content";

let temp: TempDb;
let door: ReturnType<typeof storiesDoor>;
let section: number;
const clock = "2026-12-01T00:00:00.000Z";
const refreshed: NewsTag[][] = [];

const writer: Staff = { id: "w1", email: "w@example.com", name: "Wanda", role: "writer" };
const otherWriter: Staff = { id: "w2", email: "w2@example.com", name: "Walt", role: "writer" };
const editor: Staff = { id: "e1", email: "e@example.com", name: "Eddie", role: "editor" };

beforeAll(async () => {
  temp = await createTempDb({ inMemory: true, backend: "sqlite" });
  section = await addSection(temp.db, "national", { name: "National" });
  door = storiesDoor({
    store: async () => temp.store.newsroom(),
    now: () => clock,
    refresh: async (tags) => void refreshed.push(tags),
  });
});
afterAll(() => temp.destroy());

const ready = () => ({
  ...emptyStory(),
  headline: "Bridge reopens",
  slug: `bridge-${Math.random().toString(36).slice(2, 8)}`,
  sectionId: section,
  byline: [{ name: "Wanda", kind: "staff" as const }],
  body: [{ type: "paragraph" as const, text: "The bridge reopened on Monday." }],
});

async function auditActions(): Promise<string[]> {
  return (await temp.store.newsroom().auditLog({ before: null, limit: 100 })).map((e) => e.action);
}

describe("the stories door's role checks", () => {
  it("lets a writer write, save and submit their own story, and nobody else's", async () => {
    const { id } = await door.createStory(writer);
    const view = await door.getStory(writer, id);
    expect(view).toMatchObject({ state: "draft", ownerId: "w1", version: 1 });
    const saved = await door.saveStory(writer, id, { version: 1, content: ready() });
    expect(saved).toMatchObject({ ok: true, version: 2, revision: 2 });
    await expect(door.getStory(otherWriter, id)).rejects.toBeInstanceOf(NewsroomForbiddenError);
    await expect(
      door.saveStory(otherWriter, id, { version: 2, content: emptyStory() }),
    ).rejects.toBeInstanceOf(NewsroomForbiddenError);
    expect(await door.submitStory(writer, id, 2)).toEqual({ ok: true, version: 3 });
    expect((await door.getStory(editor, id))?.state).toBe("review");
  });

  it("forbids a writer every editor's action, and changes nothing", async () => {
    const { id } = await door.createStory(writer);
    await door.saveStory(writer, id, { version: 1, content: ready() });
    await door.submitStory(writer, id, 2);
    const before = await door.getStory(editor, id);
    const actions = await auditActions();
    await expect(
      door.publishStory(writer, id, { version: 3, publishAt: null }),
    ).rejects.toBeInstanceOf(NewsroomForbiddenError);
    await expect(door.sendBack(writer, id, 3, "no")).rejects.toBeInstanceOf(NewsroomForbiddenError);
    await expect(
      door.withdrawStory(writer, id, { version: 3, reason: "no" }),
    ).rejects.toBeInstanceOf(NewsroomForbiddenError);
    expect(await door.getStory(editor, id)).toEqual(before);
    expect(await auditActions()).toEqual(actions);
    expect(await temp.store.article(id, "2099-01-01T00:00:00.000Z")).toBeNull();
  });

  it("lets an editor publish; the writer can then no longer edit or restore the live story", async () => {
    const { id } = await door.createStory(writer);
    await door.saveStory(writer, id, { version: 1, content: ready() });
    refreshed.length = 0;
    expect(await door.publishStory(editor, id, { version: 2, publishAt: null })).toEqual({
      ok: true,
      version: 3,
    });
    expect(refreshed).toEqual([["articles"]]);
    expect(await temp.store.article(id, clock)).toMatchObject({ headline: "Bridge reopens" });
    await expect(door.getStory(writer, id)).rejects.toBeInstanceOf(NewsroomForbiddenError);
    await expect(
      door.restoreRevision(writer, id, { version: 3, number: 1 }),
    ).rejects.toBeInstanceOf(NewsroomForbiddenError);
    await expect(door.listRevisions(writer, id)).rejects.toBeInstanceOf(NewsroomForbiddenError);
    expect((await door.getStory(editor, id))?.headRevision).toBe(2);
    expect((await auditActions())[0]).toBe("published");
  });

  it("answers invalid content with field errors and keeps nothing", async () => {
    const { id } = await door.createStory(writer);
    const result = await door.saveStory(writer, id, {
      version: 1,
      content: { ...ready(), headline: "x".repeat(111), body: [{ type: "script", text: "x" }] },
    });
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    if (result.ok || result.kind !== "invalid") throw new Error("not invalid");
    expect(Object.keys(result.errors)).toContain("headline");
    expect((await door.getStory(writer, id))?.version).toBe(1);
    const notReady = await door.submitStory(writer, id, 1);
    expect(notReady).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: { headline: "Write a headline" },
    });
  });

  it("refuses a javascript: link in the body next to the body field, and keeps the story as it was", async () => {
    const { id } = await door.createStory(writer);
    const result = await door.saveStory(writer, id, {
      version: 1,
      content: {
        ...ready(),
        body: [
          {
            type: "paragraph",
            text: "click",
            runs: [{ text: "click", href: "javascript:alert(1)" }],
          },
        ],
      },
    });
    expect(result).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: { body: expect.stringContaining("javascript:") },
    });
    expect((await door.getStory(writer, id))?.version).toBe(1);
  });

  it("answers a stale save with the current story and the number the refused content is kept as", async () => {
    const { id } = await door.createStory(writer);
    await door.saveStory(writer, id, { version: 1, content: ready() });
    const stale = await door.saveStory(editor, id, {
      version: 1,
      content: { ...ready(), headline: "Mine" },
    });
    expect(stale).toMatchObject({
      ok: false,
      kind: "conflict",
      keptAsRevision: 3,
      current: { version: 2, headRevision: 2 },
    });
  });

  it("answers an unknown story with null or NewsroomNotFoundError", async () => {
    expect(await door.getStory(editor, 987_654)).toBeNull();
    await expect(
      door.saveStory(editor, 987_654, { version: 1, content: emptyStory() }),
    ).rejects.toBeInstanceOf(NewsroomNotFoundError);
  });
});

describe("the stories door's workflow", () => {
  it("sends back with a note, schedules, republishes with a correction, diffs, restores and withdraws, logging each", async () => {
    const { id } = await door.createStory(writer);
    const content = ready();
    await door.saveStory(writer, id, { version: 1, content });
    await door.submitStory(writer, id, 2);
    expect(await door.sendBack(editor, id, 3, "  ")).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: { note: "Write a note for the writer" },
    });
    expect(await door.sendBack(editor, id, 3, "Add a source")).toEqual({ ok: true, version: 4 });
    expect(await door.getStory(writer, id)).toMatchObject({
      state: "draft",
      reviewNote: "Add a source",
    });

    refreshed.length = 0;
    const inAnHour = "2026-12-01T01:00:00.000Z";
    expect(await door.publishStory(editor, id, { version: 4, publishAt: inAnHour })).toEqual({
      ok: true,
      version: 5,
    });
    expect(await door.getStory(editor, id)).toMatchObject({
      state: "scheduled",
      publishedAt: inAnHour,
      hasPendingChanges: false,
    });
    expect(refreshed).toEqual([["articles"]]);
    // A correction goes with a live story only.
    expect(
      await door.publishStory(editor, id, { version: 5, publishAt: null, correction: "Too early" }),
    ).toMatchObject({ ok: false, kind: "invalid" });

    const live = storiesDoor({
      store: async () => temp.store.newsroom(),
      now: () => "2026-12-01T02:00:00.000Z",
      refresh: async (tags) => void refreshed.push(tags),
    });
    expect(
      await live.saveStory(editor, id, {
        version: 5,
        content: { ...content, headline: "Bridge reopens to traffic" },
      }),
    ).toMatchObject({ ok: true, version: 6, revision: 3 });
    expect(await live.getStory(editor, id)).toMatchObject({
      state: "published",
      hasPendingChanges: true,
      headRevision: 3,
      publishedRevision: 2,
    });
    expect(
      await live.publishStory(editor, id, {
        version: 6,
        publishAt: null,
        correction: "The bridge's name was misspelt.",
      }),
    ).toEqual({ ok: true, version: 7 });
    const view = await live.getStory(editor, id);
    expect(view).toMatchObject({
      hasPendingChanges: false,
      corrections: [
        { text: "The bridge's name was misspelt.", publishedAt: "2026-12-01T02:00:00.000Z" },
      ],
    });

    const diff = await live.diffRevisions(editor, id, 2, 3);
    expect(diff.map((d) => d.field)).toEqual(["headline", "standfirst", "body"]);
    expect(diff[0]!.parts).toEqual([
      { value: "Bridge reopens " },
      { value: "to traffic", added: true },
    ]);
    expect(diff[2]!.parts.some((p) => p.added || p.removed)).toBe(false);
    await expect(live.diffRevisions(editor, id, 2, 99)).rejects.toBeInstanceOf(
      NewsroomNotFoundError,
    );

    expect(await live.restoreRevision(editor, id, { version: 6, number: 2 })).toMatchObject({
      ok: false,
      kind: "conflict",
    });
    expect(await live.restoreRevision(editor, id, { version: 7, number: 2 })).toEqual({
      ok: true,
      version: 8,
    });
    expect(await live.listRevisions(editor, id)).toMatchObject([
      { number: 4, note: "Restored from revision 2", createdByName: "Eddie", published: false },
      { number: 3, published: true },
      { number: 2, published: false },
      { number: 1 },
    ]);
    expect((await temp.store.article(id, "2026-12-01T02:00:00.000Z"))?.headline).toBe(
      "Bridge reopens to traffic",
    );

    expect(await live.withdrawStory(editor, id, { version: 8, reason: "" })).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: { reason: "Write why the story is withdrawn" },
    });
    expect(await live.withdrawStory(editor, id, { version: 8, reason: "Legal request" })).toEqual({
      ok: true,
      version: 9,
    });
    expect(await live.getStory(editor, id)).toMatchObject({
      state: "withdrawn",
      withdrawnReason: "Legal request",
    });

    const log = await temp.store.newsroom().auditLog({ before: null, limit: 100 });
    const mine = log.filter((e) => e.articleId === id).reverse();
    expect(mine.map((e) => e.action)).toEqual([
      "story-created",
      "submitted",
      "sent-back",
      "scheduled",
      "republished",
      "corrected",
      "restored",
      "withdrawn",
    ]);
    expect(mine.at(-1)).toMatchObject({
      actorId: "e1",
      actorEmail: "e@example.com",
      detail: { reason: "Legal request" },
    });
  });
});
