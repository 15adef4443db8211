import { z } from "zod";
import { TAGS, type NewsTag } from "../news/freshness";
import type { StoryRecord } from "../news/newsroom-store";
import type { Staff } from "./session";
import {
  actorOf,
  editableStory,
  requireEditor,
  type DoorDeps,
  type WorkflowResult,
} from "./story-access";
import { bodyProblem, storyBodySchema } from "./story-body";
import { fieldErrors, storyReadySchema, type FieldErrors } from "./story-content";
import { conflictMessage, slugTakenMessage } from "./story-editing";
import { NewsroomNotFoundError } from "./story-errors";

/** Longest review note, correction and withdrawal reason. */
export const NOTE_MAX = 2_000;

const note = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Write ${label}`)
    .max(
      NOTE_MAX,
      `${label[0]!.toUpperCase()}${label.slice(1)} is too long: at most ${NOTE_MAX} characters`,
    );

const publishInput = z.object({
  version: z.number().int(),
  publishAt: z.iso.datetime({ message: "The publication time is not a valid time" }).nullable(),
  correction: z
    .string()
    .trim()
    .max(NOTE_MAX, `The correction is too long: at most ${NOTE_MAX} characters`)
    .optional(),
});

/** The strict checks of submitting, scheduling and publishing: null when the story is ready. */
export function readinessErrors(story: StoryRecord): FieldErrors | null {
  const parsed = storyReadySchema.safeParse(story.content);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const body = storyBodySchema.safeParse(story.content.body);
  if (!body.success) errors.body ??= bodyProblem(body.error);
  return Object.keys(errors).length > 0 ? errors : null;
}

const notReady = (errors: FieldErrors): WorkflowResult => ({
  ok: false,
  kind: "invalid",
  message: "The story is not ready: see the fields marked",
  errors,
});
const conflict: WorkflowResult = { ok: false, kind: "conflict", message: conflictMessage };
const wrongState = (message: string): WorkflowResult => ({ ok: false, kind: "state", message });

/** The workflow half of the stories door: submit, send back, publish, withdraw. */
export function storyPublishing(deps: DoorDeps) {
  const refresh = (tags: NewsTag[]) => deps.refresh(tags);
  return {
    /** A writer (or editor) sends a draft for review; the strict checks apply. */
    async submitStory(staff: Staff, id: number, version: number): Promise<WorkflowResult> {
      const store = await deps.store();
      const story = await editableStory(store, staff, id);
      if (story.version !== version) return conflict;
      if (story.state !== "draft") return wrongState("Only a draft can be sent for review");
      const errors = readinessErrors(story);
      if (errors) return notReady(errors);
      const at = deps.now();
      const changed = await store.changeStoryState(id, {
        version,
        from: ["draft"],
        to: "review",
        reviewNote: null,
        at,
      });
      if (!changed) throw new NewsroomNotFoundError();
      if (!changed.ok)
        return changed.kind === "conflict"
          ? conflict
          : wrongState("Only a draft can be sent for review");
      await store.audit({ at, ...actorOf(staff), action: "submitted", articleId: id });
      return changed;
    },

    /** An editor sends a story in review back to its writer with a note. */
    async sendBack(
      staff: Staff,
      id: number,
      version: number,
      reviewNote: string,
    ): Promise<WorkflowResult> {
      requireEditor(staff);
      const parsed = note("a note for the writer").safeParse(reviewNote);
      if (!parsed.success)
        return {
          ok: false,
          kind: "invalid",
          message: parsed.error.issues[0]!.message,
          errors: { note: parsed.error.issues[0]!.message },
        };
      const store = await deps.store();
      await editableStory(store, staff, id);
      const at = deps.now();
      const changed = await store.changeStoryState(id, {
        version,
        from: ["review"],
        to: "draft",
        reviewNote: parsed.data,
        at,
      });
      if (!changed) throw new NewsroomNotFoundError();
      if (!changed.ok)
        return changed.kind === "conflict"
          ? conflict
          : wrongState("Only a story in review can be sent back");
      await store.audit({
        at,
        ...actorOf(staff),
        action: "sent-back",
        articleId: id,
        detail: { note: parsed.data },
      });
      return changed;
    },

    /**
     * An editor publishes the story's latest revision: now (`publishAt` null or past), at a
     * future time (scheduled), or again (a live story: republished, "Updated" now), with an
     * optional correction printed under the body. Readers see it at once (cache tags refreshed).
     */
    async publishStory(
      staff: Staff,
      id: number,
      input: { version: number; publishAt: string | null; correction?: string },
    ): Promise<WorkflowResult> {
      requireEditor(staff);
      const parsed = publishInput.safeParse(input);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        return { ok: false, kind: "invalid", message: Object.values(errors)[0]!, errors };
      }
      const store = await deps.store();
      const story = await editableStory(store, staff, id);
      if (story.version !== parsed.data.version) return conflict;
      if (story.state === "withdrawn")
        return wrongState("A withdrawn story cannot be published again");
      const errors = readinessErrors(story);
      if (errors) return notReady(errors);
      const at = deps.now();
      const live =
        story.publishedAt !== null && story.publishedAt <= at && story.state === "published";
      const correction = parsed.data.correction || null;
      if (correction && !live)
        return {
          ok: false,
          kind: "invalid",
          message: "A correction is published with a live story",
          errors: { correction: "A correction is published with a live story" },
        };
      const publishAt =
        parsed.data.publishAt === null || parsed.data.publishAt < at
          ? at
          : new Date(parsed.data.publishAt).toISOString();
      const done = await store.publishStory(id, {
        version: parsed.data.version,
        publishAt,
        correction,
        at,
      });
      if (!done) throw new NewsroomNotFoundError();
      if (!done.ok) {
        if (done.kind === "slug-taken") return notReady({ slug: slugTakenMessage(done.byStory) });
        if (done.kind === "missing")
          return notReady(
            done.field === "sectionId"
              ? { sectionId: "Choose a section: this one no longer exists" }
              : { "lead.imageId": "Choose the lead photo again: this one no longer exists" },
          );
        return done.kind === "conflict"
          ? conflict
          : wrongState("This story cannot be published now");
      }
      await store.audit({
        at,
        ...actorOf(staff),
        action: done.action,
        articleId: id,
        detail: { revision: story.headRevision, publishAt },
      });
      if (correction)
        await store.audit({
          at,
          ...actorOf(staff),
          action: "corrected",
          articleId: id,
          detail: { correction },
        });
      await refresh(done.imageAltChanged ? [TAGS.articles, TAGS.images] : [TAGS.articles]);
      return { ok: true, version: done.version };
    },

    /** An editor withdraws a published or scheduled story: 410 everywhere, reason required. */
    async withdrawStory(
      staff: Staff,
      id: number,
      input: { version: number; reason: string },
    ): Promise<WorkflowResult> {
      requireEditor(staff);
      const reason = note("why the story is withdrawn").safeParse(input.reason);
      if (!reason.success)
        return {
          ok: false,
          kind: "invalid",
          message: reason.error.issues[0]!.message,
          errors: { reason: reason.error.issues[0]!.message },
        };
      const store = await deps.store();
      await editableStory(store, staff, id);
      const at = deps.now();
      const done = await store.withdrawStory(id, {
        version: input.version,
        reason: reason.data,
        at,
      });
      if (!done) throw new NewsroomNotFoundError();
      if (!done.ok)
        return done.kind === "conflict"
          ? conflict
          : wrongState("Only a published or scheduled story can be withdrawn");
      await store.audit({
        at,
        ...actorOf(staff),
        action: "withdrawn",
        articleId: id,
        detail: { reason: reason.data },
      });
      await refresh([TAGS.articles]);
      return done;
    },
  };
}
