/**
 * What the story editor exchanges with its pages: the stories door's shapes (lib/newsroom/
 * stories.ts; contract.md, "The stories door"), the Server Actions it is given, and the body
 * editor's (components/newsroom/BodyEditor.island.tsx). Types only: nothing here runs, and
 * nothing server-only reaches the browser.
 */
import type {
  DeskRow,
  DeskState,
  FieldDiff,
  RevisionEntry,
  SaveResult as DoorSaveResult,
  StoryView as DoorStoryView,
  WorkflowResult,
} from "@/lib/newsroom/stories";
import type { StoryContent } from "@/lib/newsroom/story-content";

export type { BodyEditorProps, PhotoChoice } from "../BodyEditor.island";
export type { DeskRow, DeskState };

/** A story as the editor opens it, and who saved it last when the page knows (conflicts). */
export type StoryView = DoorStoryView & { updatedByName?: string | null };

/** What an autosave answers (the door's saveStory, a conflict's story with its saver's name). */
export type SaveResult =
  | Exclude<DoorSaveResult, { kind: "conflict" }>
  | { ok: false; kind: "conflict"; current: StoryView; keptAsRevision: number };

/** The autosave Server Action: the story's id is bound by the page. */
export type SaveStory = (input: { version: number; content: StoryContent }) => Promise<SaveResult>;

/** What a workflow form's Server Action answers when it does not redirect (null: nothing yet). */
export type WorkflowState = Extract<WorkflowResult, { ok: false }> | null;

/** A workflow Server Action as `useActionState` takes it (works without JavaScript). */
export type WorkflowAction = (state: WorkflowState, form: FormData) => Promise<WorkflowState>;

/** The workflow Server Actions the page hands the editor; a missing one hides its form. */
export type WorkflowActions = {
  submit?: WorkflowAction;
  publish?: WorkflowAction;
  sendBack?: WorkflowAction;
  withdraw?: WorkflowAction;
};

/** One revision of a story (the door's listRevisions). */
export type RevisionRow = RevisionEntry;

/** The difference between two revisions, field by field (the door's diffRevisions). */
export type RevisionFieldDiff = FieldDiff;
