import { z } from "zod";
import type { DeskRow, DeskState, RevisionEntry } from "../news/newsroom-store";
import type { Staff } from "./session";
import {
  actorOf,
  editableStory,
  mayEdit,
  storyView,
  type DoorDeps,
  type StoryView,
  type WorkflowResult,
} from "./story-access";
import { bodyProblem, storyBodySchema } from "./story-body";
import {
  emptyStory,
  fieldErrors,
  storyDraftSchema,
  type FieldErrors,
  type StoryContent,
} from "./story-content";
import { diffContent, type FieldDiff } from "./story-diff";
import { NewsroomForbiddenError, NewsroomNotFoundError } from "./story-errors";

/** Stories a desk page lists. */
export const DESK_PAGE_SIZE = 25;

/** The desk's question (validated: it comes from a URL). */
export const deskQuerySchema = z.object({
  state: z.enum(["draft", "review", "scheduled", "published", "withdrawn"]),
  section: z.number().int().positive().optional(),
  author: z.string().trim().max(200).optional(),
  words: z.string().trim().max(200).optional(),
  sort: z.enum(["newest", "oldest"]),
  mine: z.boolean(),
  page: z.number().int().min(1).max(10_000),
});
export type DeskQueryInput = z.infer<typeof deskQuerySchema>;

/** What a save did (the contract's SaveResult). */
export type SaveResult =
  | { ok: true; version: number; revision: number | null }
  | { ok: false; kind: "invalid"; errors: FieldErrors }
  | { ok: false; kind: "conflict"; current: StoryView; keptAsRevision: number };

/** Checks posted content as any save does (lenient, body included): the content or errors. */
export function checkDraft(
  content: unknown,
): { ok: true; content: StoryContent } | { ok: false; errors: FieldErrors } {
  const parsed = storyDraftSchema.safeParse(content);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const body = storyBodySchema.safeParse(parsed.data.body);
  if (!body.success) return { ok: false, errors: { body: bodyProblem(body.error) } };
  return { ok: true, content: { ...parsed.data, body: body.data } };
}

/** The message of a slug held by another story. */
export const slugTakenMessage = (byStory: number) =>
  `Another story (${byStory}) already uses this slug: choose another`;

/** The editing half of the stories door; stories.ts binds it to the real store. */
export function storyEditing(deps: DoorDeps) {
  return {
    /** The desk: a page of stories in `q.state`; a writer sees their own unless `mine` is false. */
    async listDesk(
      staff: Staff,
      q: DeskQueryInput,
    ): Promise<{ rows: DeskRow[]; hasMore: boolean; total: number }> {
      const query = deskQuerySchema.parse(q);
      const store = await deps.store();
      return store.desk(
        {
          state: query.state as DeskState,
          section: query.section,
          author: query.author || undefined,
          words: query.words || undefined,
          sort: query.sort,
          ownerId: query.mine ? staff.id : undefined,
          page: query.page,
          pageSize: DESK_PAGE_SIZE,
        },
        deps.now(),
      );
    },

    /** A new draft owned by `staff` (every role may write), with revision 1 empty. */
    async createStory(staff: Staff): Promise<{ id: number }> {
      const store = await deps.store();
      const at = deps.now();
      const created = await store.createStory({
        owner: { id: staff.id, name: staff.name },
        content: emptyStory(),
        at,
      });
      await store.audit({ at, ...actorOf(staff), action: "story-created", articleId: created.id });
      return created;
    },

    /** Story `id` for the editor, or null; a writer may open only their own draft or story in review. */
    async getStory(staff: Staff, id: number): Promise<StoryView | null> {
      const store = await deps.store();
      const story = Number.isSafeInteger(id) && id > 0 ? await store.story(id) : null;
      if (!story) return null;
      if (!mayEdit(staff, story)) throw new NewsroomForbiddenError();
      return storyView(story, deps.now());
    },

    /**
     * Saves the editor's content (lenient checks: autosave keeps half-written work) if `version`
     * is current; a stale version is refused as a conflict and the content kept in history.
     */
    async saveStory(
      staff: Staff,
      id: number,
      input: { version: number; content: unknown },
    ): Promise<SaveResult> {
      const store = await deps.store();
      await editableStory(store, staff, id);
      const checked = checkDraft(input.content);
      if (!checked.ok) return { ok: false, kind: "invalid", errors: checked.errors };
      const at = deps.now();
      const saved = await store.saveStory(id, {
        version: input.version,
        content: checked.content,
        by: { id: staff.id, name: staff.name },
        at,
      });
      if (!saved) throw new NewsroomNotFoundError();
      if (saved.ok) return saved;
      if (saved.kind === "slug-taken")
        return { ok: false, kind: "invalid", errors: { slug: slugTakenMessage(saved.byStory) } };
      return {
        ok: false,
        kind: "conflict",
        current: storyView(saved.current, at),
        keptAsRevision: saved.keptAsRevision,
      };
    },

    /** Story `id`'s history, newest first (who, when, which is public). */
    async listRevisions(staff: Staff, id: number): Promise<RevisionEntry[]> {
      const store = await deps.store();
      await editableStory(store, staff, id);
      return store.revisions(id);
    },

    /** The readable differences from revision `a` to revision `b` of story `id`. */
    async diffRevisions(staff: Staff, id: number, a: number, b: number): Promise<FieldDiff[]> {
      const store = await deps.store();
      await editableStory(store, staff, id);
      const [from, to] = await Promise.all([
        store.revisionContent(id, a),
        store.revisionContent(id, b),
      ]);
      if (!from || !to) throw new NewsroomNotFoundError("No such revision");
      return diffContent(from, to);
    },

    /**
     * Restores revision `number` as a new revision (the head; a live story's readers keep the
     * published one until an editor republishes). A writer only on their own draft or review.
     */
    async restoreRevision(
      staff: Staff,
      id: number,
      input: { version: number; number: number },
    ): Promise<WorkflowResult> {
      const store = await deps.store();
      const story = await editableStory(store, staff, id);
      const content = await store.revisionContent(id, input.number);
      if (!content) throw new NewsroomNotFoundError("No such revision");
      if (story.version !== input.version)
        return { ok: false, kind: "conflict", message: conflictMessage };
      const at = deps.now();
      const saved = await store.saveStory(id, {
        version: input.version,
        content,
        by: { id: staff.id, name: staff.name },
        at,
        note: `Restored from revision ${input.number}`,
        force: true,
      });
      if (!saved) throw new NewsroomNotFoundError();
      if (!saved.ok) {
        if (saved.kind === "slug-taken")
          return {
            ok: false,
            kind: "invalid",
            message: slugTakenMessage(saved.byStory),
            errors: { slug: slugTakenMessage(saved.byStory) },
          };
        return { ok: false, kind: "conflict", message: conflictMessage };
      }
      await store.audit({
        at,
        ...actorOf(staff),
        action: "restored",
        articleId: id,
        detail: { from: input.number, revision: saved.revision },
      });
      return { ok: true, version: saved.version };
    },
  };
}

/** What an editor is told when someone else changed the story first. */
export const conflictMessage =
  "Someone else changed this story since you opened it. Reload to see their version; nothing was lost.";
