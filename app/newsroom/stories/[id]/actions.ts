"use server";

import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { SaveResult, WorkflowState } from "@/components/newsroom/editor/types";
import { requireStaff } from "@/lib/newsroom/session";
import {
  NewsroomForbiddenError,
  NewsroomNotFoundError,
  listRevisions,
  publishStory,
  restoreRevision,
  saveStory,
  sendBack,
  submitStory,
  withdrawStory,
} from "@/lib/newsroom/stories";
import {
  isProblem,
  readPublish,
  readRestore,
  readSendBack,
  readStep,
  readWithdraw,
} from "@/lib/newsroom/story-forms";

/**
 * The story editor's Server Actions (docs/newsroom.md, "The story desk and editor"). Each one
 * checks the session first (requireStaff), validates what was posted with zod, and calls the
 * stories door, which checks the role and the story's state itself and refreshes the caches
 * readers see. The door's refusals become 403 (forbidden) and 404 (notFound). Next.js refuses a
 * post whose Origin is not this site.
 */

/** Runs a door call, answering 403 and 404 for its refusals. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof NewsroomForbiddenError) forbidden();
    if (error instanceof NewsroomNotFoundError) notFound();
    throw error;
  }
}

const storyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const saveInput = z.object({
  version: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  content: z.unknown(),
});

/**
 * Autosave: the page binds the story's id. Content is checked by the door (lenient: half-written
 * work is kept). A conflict names who saved last, from the history.
 */
export async function saveStoryAction(id: number, input: unknown): Promise<SaveResult> {
  const staff = await requireStaff();
  const parsedId = storyId.safeParse(id);
  if (!parsedId.success) notFound();
  const parsed = saveInput.safeParse(input);
  if (!parsed.success)
    return { ok: false, kind: "invalid", errors: { story: "The save was not understood" } };
  const result = await guarded(() => saveStory(staff, parsedId.data, parsed.data));
  if (result.ok || result.kind !== "conflict") return result;
  const revisions = await guarded(() => listRevisions(staff, parsedId.data));
  const theirs = revisions.find((r) => r.number === result.current.headRevision);
  return {
    ...result,
    current: { ...result.current, updatedByName: theirs?.createdByName ?? null },
  };
}

/** After a workflow step: back to the editor, fresh, saying what was done; or the refusal. */
function after(
  id: number,
  result: { ok: true } | Exclude<WorkflowState, null>,
  done: string,
): WorkflowState {
  if (!result.ok) return result;
  redirect(`/newsroom/stories/${id}?done=${done}`);
}

/** Submit for review (the writer; the door checks readiness). */
export async function submitAction(_: WorkflowState, form: FormData): Promise<WorkflowState> {
  const staff = await requireStaff();
  const input = readStep(form);
  if (isProblem(input)) return input;
  const result = await guarded(() => submitStory(staff, input.id, input.version));
  return after(input.id, result, "submitted");
}

/** Publish now, schedule, or republish with an optional correction (editors). */
export async function publishAction(_: WorkflowState, form: FormData): Promise<WorkflowState> {
  const staff = await requireStaff("editor");
  const input = readPublish(form, new Date().toISOString());
  if (isProblem(input)) return input;
  const { id, ...rest } = input;
  const result = await guarded(() => publishStory(staff, id, rest));
  return after(id, result, input.publishAt ? "scheduled" : "published");
}

/** Send back to the writer with a note (editors). */
export async function sendBackAction(_: WorkflowState, form: FormData): Promise<WorkflowState> {
  const staff = await requireStaff("editor");
  const input = readSendBack(form);
  if (isProblem(input)) return input;
  const result = await guarded(() => sendBack(staff, input.id, input.version, input.note));
  return after(input.id, result, "sent-back");
}

/** Withdraw with a required reason, confirmed (editors). */
export async function withdrawAction(_: WorkflowState, form: FormData): Promise<WorkflowState> {
  const staff = await requireStaff("editor");
  const input = readWithdraw(form);
  if (isProblem(input)) return input;
  const { id, ...rest } = input;
  const result = await guarded(() => withdrawStory(staff, id, rest));
  return after(id, result, "withdrawn");
}

/** Restore a revision as a new one, then back to the history (or the refusal there). */
export async function restoreAction(form: FormData): Promise<void> {
  const staff = await requireStaff();
  const input = readRestore(form);
  if (isProblem(input)) redirect(`/newsroom?problem=form`);
  const result = await guarded(() =>
    restoreRevision(staff, input.id, { version: input.version, number: input.number }),
  );
  const path = `/newsroom/stories/${input.id}/history`;
  if (result.ok) redirect(`${path}?restored=${input.number}`);
  redirect(`${path}?problem=${result.kind}`);
}
