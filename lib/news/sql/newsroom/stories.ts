import { randomUUID } from "node:crypto";
import type {
  NewsroomState,
  StoryActor,
  StoryChangeOutcome,
  StorySaveOutcome,
} from "../../newsroom-store";
import type { StoryContent } from "../../../newsroom/story-content";
import type { DB } from "../db";
import {
  contentJson,
  deskColumns,
  isUniqueViolation,
  nextRevisionNumber,
  readStoryRecord,
  slugHolder,
} from "./story-rows";
import { getStory } from "./open-story";
import { publicSlug } from "./publish";

/**
 * A newsroom story's life before publishing (docs/newsroom.md, "The workflow"): creating it,
 * saving revisions with a compare-and-set on `version` (no silent overwrite: a stale save is
 * kept as a revision, not applied), and state changes. Opening is open-story.ts, publishing publish.ts.
 */

/** Creates a draft story: an unpublished `articles` row, its workflow row and revision 1. */
export async function createStory(
  db: DB,
  input: { owner: StoryActor; content: StoryContent; at: string },
): Promise<{ id: number }> {
  return db.transaction().execute(async (trx) => {
    const section = await trx
      .selectFrom("sections")
      .select("id")
      .orderBy("parent_id", (ob) => ob.nullsFirst())
      .orderBy("position")
      .orderBy("id")
      .executeTakeFirst();
    const sectionId = input.content.sectionId ?? section?.id;
    if (sectionId === undefined) throw new Error("createStory: the site has no section yet");
    const { id } = await trx
      .insertInto("articles")
      .values({
        external_id: `newsroom:${randomUUID()}`,
        slug: "story",
        headline: input.content.headline,
        standfirst: input.content.standfirst,
        body_json: "[]",
        section_id: sectionId,
        status: "draft",
        published_at: null,
        updated_at: input.at,
        lead_image_id: null,
        lead_image_caption: null,
        lead_image_credit: null,
        source_url: null,
        licence: null,
        legacy_id: null,
        withdrawn_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("newsroom_stories")
      .values({
        article_id: id,
        state: "draft",
        owner_id: input.owner.id,
        head_revision: 1,
        published_revision: null,
        review_note: null,
        withdrawn_reason: null,
        created_at: input.at,
        updated_at: input.at,
        ...deskColumns(input.content),
      })
      .execute();
    await trx
      .insertInto("article_revisions")
      .values({
        article_id: id,
        number: 1,
        content_json: contentJson(input.content),
        created_by: input.owner.id,
        created_by_name: input.owner.name,
        created_at: input.at,
        note: null,
      })
      .execute();
    return { id };
  });
}

/** Revision attempts when two refused saves race for the same number (PostgreSQL). */
const REVISION_ATTEMPTS = 3;

/**
 * Saves `content` over story `id` if `version` is current: a new revision and head when the
 * content changed, nothing when it did not. A stale version keeps the content as a revision
 * noted "Not applied: saved over revision N by …" and returns the current story: both versions
 * are kept, neither is silently applied. Null for an unknown story.
 */
export async function saveStory(
  db: DB,
  id: number,
  input: {
    version: number;
    content: StoryContent;
    by: StoryActor;
    at: string;
    note?: string;
    force?: boolean;
  },
): Promise<StorySaveOutcome | null> {
  if ((await getStory(db, id)) === null) return null;
  const json = contentJson(input.content);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx): Promise<StorySaveOutcome> => {
        const current = await readStoryRecord(trx, id);
        if (!current) throw new Error(`story ${id} vanished`);
        const next = await nextRevisionNumber(trx, id);
        const revision = (note: string | null) =>
          trx
            .insertInto("article_revisions")
            .values({
              article_id: id,
              number: next,
              content_json: json,
              created_by: input.by.id,
              created_by_name: input.by.name,
              created_at: input.at,
              note,
            })
            .execute();
        const refuse = async (): Promise<StorySaveOutcome> => {
          const head = await trx
            .selectFrom("article_revisions")
            .select(["created_by_name", "created_by"])
            .where("article_id", "=", id)
            .where("number", "=", current.headRevision)
            .executeTakeFirst();
          const who = head?.created_by_name ?? head?.created_by ?? "someone else";
          await revision(`Not applied: saved over revision ${current.headRevision} by ${who}`);
          return { ok: false, kind: "conflict", current, keptAsRevision: next };
        };
        if (current.version !== input.version) return refuse();
        if (!input.force && contentJson(current.content) === json)
          return { ok: true, version: current.version, revision: null };
        const holder = await slugHolder(trx, input.content.slug, id);
        if (holder !== null) return { ok: false, kind: "slug-taken", byStory: holder };
        const updated = await trx
          .updateTable("newsroom_stories")
          .set((eb) => ({
            version: eb("version", "+", 1),
            head_revision: next,
            updated_at: input.at,
            ...deskColumns(input.content),
          }))
          .where("article_id", "=", id)
          .where("version", "=", input.version)
          .executeTakeFirst();
        // Another save won between our read and this write (PostgreSQL, read committed).
        if (Number(updated.numUpdatedRows) === 0) return refuse();
        // A story never published keeps its articles row's slug with its content, so preview
        // shows it at the URL it will have; a live story's public row waits for the republish.
        if (current.publishedRevision === null)
          await trx
            .updateTable("articles")
            .set({ slug: publicSlug(input.content) })
            .where("id", "=", id)
            .where("withdrawn_at", "is", null)
            .execute();
        await revision(input.note ?? null);
        return { ok: true, version: input.version + 1, revision: next };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= REVISION_ATTEMPTS) throw error;
      // A slug taken by a racing save, or a revision number taken by a racing refused save.
      const holder = await slugHolder(db, input.content.slug, id);
      if (holder !== null) return { ok: false, kind: "slug-taken", byStory: holder };
    }
  }
}

/** Moves story `id` from a state of `from` to `to` if `version` is current. Null: unknown. */
export async function changeStoryState(
  db: DB,
  id: number,
  input: {
    version: number;
    from: NewsroomState[];
    to: NewsroomState;
    reviewNote?: string | null;
    at: string;
  },
): Promise<StoryChangeOutcome | null> {
  const story = await getStory(db, id);
  if (!story) return null;
  if (story.version !== input.version) return { ok: false, kind: "conflict" };
  if (!input.from.includes(story.state)) return { ok: false, kind: "state" };
  const updated = await db
    .updateTable("newsroom_stories")
    .set((eb) => ({
      version: eb("version", "+", 1),
      state: input.to,
      updated_at: input.at,
      ...(input.reviewNote !== undefined ? { review_note: input.reviewNote } : {}),
    }))
    .where("article_id", "=", id)
    .where("version", "=", input.version)
    .where("state", "in", input.from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return { ok: false, kind: "conflict" };
  return { ok: true, version: input.version + 1 };
}
