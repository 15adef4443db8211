import "server-only";
import { getStore } from "../news/connect";
import { refreshTags } from "../news/refresh";
import type { DoorDeps } from "./story-access";
import { storyEditing } from "./story-editing";
import { storyPublishing } from "./story-publishing";

/**
 * The stories door (docs/newsroom.md; the contract's "stories door"): everything the newsroom's
 * pages and Server Actions do to stories. Every function takes the acting staff member first and
 * checks the role itself: NewsroomForbiddenError (answer 403, nothing changed), unknown story
 * null or NewsroomNotFoundError (answer 404). Writes that readers see refresh their cache tags.
 */

export type { DeskRow, DeskState, RevisionEntry } from "../news/newsroom-store";
export type { StoryView, WorkflowResult } from "./story-access";
export type { DeskQueryInput, SaveResult } from "./story-editing";
export type { FieldDiff } from "./story-diff";
export { NewsroomForbiddenError, NewsroomNotFoundError } from "./story-errors";

/** The door bound to `deps`: the server's store, clock and cache refresh unless given. */
export function storiesDoor(deps: Partial<DoorDeps> = {}) {
  const bound: DoorDeps = {
    store: deps.store ?? (async () => (await getStore()).newsroom()),
    now: deps.now ?? (() => new Date().toISOString()),
    refresh: deps.refresh ?? ((tags) => refreshTags(tags)),
  };
  return { ...storyEditing(bound), ...storyPublishing(bound) };
}

const door = storiesDoor();

export const {
  listDesk,
  createStory,
  getStory,
  saveStory,
  listRevisions,
  diffRevisions,
  restoreRevision,
  submitStory,
  sendBack,
  publishStory,
  withdrawStory,
} = door;
