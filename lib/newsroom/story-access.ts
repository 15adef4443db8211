import type { DeskState, NewsroomStore, StoryRecord } from "../news/newsroom-store";
import type { NewsTag } from "../news/freshness";
import { articlePath } from "../urls";
import { roleAtLeast } from "./roles";
import type { Staff } from "./session";
import type { FieldErrors, StoryContent } from "./story-content";
import { NewsroomForbiddenError, NewsroomNotFoundError } from "./story-errors";

/**
 * What the stories door (lib/newsroom/stories.ts) shares: its dependencies, who may do what to a
 * story (docs/newsroom.md, "Roles"), and the story as the editor sees it.
 */

/** What the door works with; stories.ts binds the real ones, tests their own. */
export type DoorDeps = {
  store: () => Promise<NewsroomStore>;
  /** The current instant, ISO 8601 UTC. */
  now: () => string;
  /** Makes readers see a change at once (lib/news/refresh.ts refreshTags). */
  refresh: (tags: NewsTag[]) => Promise<unknown>;
};

/** A story as the editor shows it (the contract's StoryView). */
export type StoryView = {
  id: number;
  state: DeskState;
  ownerId: string | null;
  version: number;
  headRevision: number;
  publishedRevision: number | null;
  hasPendingChanges: boolean;
  content: StoryContent;
  publicPath: string;
  publishedAt: string | null;
  updatedAt: string;
  reviewNote: string | null;
  withdrawnReason: string | null;
  corrections: { text: string; publishedAt: string }[];
};

/** What a workflow action (other than a save) did. */
export type WorkflowResult =
  | { ok: true; version: number }
  | { ok: false; kind: "invalid" | "conflict" | "state"; message: string; errors?: FieldErrors };

/** Whether `staff` is an editor or admin. */
export const isEditor = (staff: Staff) => roleAtLeast(staff.role, "editor");

/**
 * Whether `staff` may open and edit `story`: editors and admins any story; a writer only their
 * own story while it is a draft or in review.
 */
export function mayEdit(staff: Staff, story: StoryRecord): boolean {
  if (isEditor(staff)) return true;
  return (
    staff.role === "writer" &&
    story.ownerId === staff.id &&
    (story.state === "draft" || story.state === "review")
  );
}

/** Throws NewsroomForbiddenError unless `staff` is an editor or admin. */
export function requireEditor(staff: Staff): void {
  if (!isEditor(staff)) throw new NewsroomForbiddenError("Only an editor may do that");
}

/**
 * Story `id` from the store, when `staff` may edit it. Throws NewsroomNotFoundError for no such
 * story, NewsroomForbiddenError when the role does not allow it.
 */
export async function editableStory(
  store: NewsroomStore,
  staff: Staff,
  id: number,
): Promise<StoryRecord> {
  const story = Number.isSafeInteger(id) && id > 0 ? await store.story(id) : null;
  if (!story) throw new NewsroomNotFoundError();
  if (!mayEdit(staff, story)) throw new NewsroomForbiddenError();
  return story;
}

/** The desk state of `story` at `now` ("scheduled": published, its time still ahead). */
export function deskState(story: StoryRecord, now: string): DeskState {
  if (story.withdrawnAt !== null) return "withdrawn";
  if (story.state === "published" && story.publishedAt !== null && story.publishedAt > now)
    return "scheduled";
  return story.state;
}

/** The editor's view of `story` at `now`. */
export function storyView(story: StoryRecord, now: string): StoryView {
  return {
    id: story.id,
    state: deskState(story, now),
    ownerId: story.ownerId,
    version: story.version,
    headRevision: story.headRevision,
    publishedRevision: story.publishedRevision,
    hasPendingChanges:
      story.publishedRevision !== null && story.headRevision !== story.publishedRevision,
    content: story.content,
    publicPath: articlePath(story.id, story.articleSlug),
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    reviewNote: story.reviewNote,
    withdrawnReason: story.withdrawnReason,
    corrections: story.corrections,
  };
}

/** The audit entry's actor fields for `staff`. */
export const actorOf = (staff: Staff) => ({ actorId: staff.id, actorEmail: staff.email });
