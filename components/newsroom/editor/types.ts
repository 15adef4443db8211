/**
 * What the story editor exchanges with its page: the stories door's shapes (contract.md, "The
 * stories door"), the Server Actions it is given, and the body editor's props (helper "blocks").
 * Types only: nothing here runs.
 */
import type { BodyBlock } from "@/lib/domain";
import type { FieldErrors, StoryContent } from "@/lib/newsroom/story-content";

/** Where a story stands in the workflow (and which tab of the desk lists it). */
export type DeskState = "draft" | "review" | "scheduled" | "published" | "withdrawn";

/** A story as the editor opens it (the door's getStory). */
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
  /** Who saved last, when the door knows (for the conflict message). */
  updatedByName?: string | null;
};

/** What an autosave answers (the door's saveStory). */
export type SaveResult =
  | { ok: true; version: number; revision: number | null }
  | { ok: false; kind: "invalid"; errors: FieldErrors }
  | { ok: false; kind: "conflict"; current: StoryView; keptAsRevision: number };

/** The autosave Server Action: the story's id is bound by the page. */
export type SaveStory = (input: { version: number; content: StoryContent }) => Promise<SaveResult>;

/** What a workflow form's Server Action answers when it does not redirect (null: nothing yet). */
export type WorkflowState = {
  ok: false;
  kind: "invalid" | "conflict" | "state" | "forbidden";
  message: string;
  errors?: FieldErrors;
} | null;

/** A workflow Server Action as `useActionState` takes it (works without JavaScript). */
export type WorkflowAction = (state: WorkflowState, form: FormData) => Promise<WorkflowState>;

/** The workflow Server Actions the page hands the editor; a missing one hides its form. */
export type WorkflowActions = {
  submit?: WorkflowAction;
  publish?: WorkflowAction;
  sendBack?: WorkflowAction;
  withdraw?: WorkflowAction;
};

/** A photo chosen in the media library (helper "media"), for the lead or the body. */
export type PhotoChoice = {
  imageId: number;
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
};

/** The rich-text body editor's props (components/newsroom/BodyEditor.island.tsx, helper "blocks"). */
export type BodyEditorProps = {
  id: string;
  labelledBy: string;
  initial: BodyBlock[];
  onChange(blocks: BodyBlock[]): void;
  choosePhoto?: () => Promise<PhotoChoice | null>;
};

/** One story on the desk (the door's listDesk). */
export type DeskRow = {
  id: number;
  headline: string;
  state: DeskState;
  sectionName: string | null;
  authorNames: string[];
  ownerId: string | null;
  updatedAt: string;
  publishedAt: string | null;
  hasPendingChanges: boolean;
};

/** One revision of a story (the door's listRevisions). */
export type RevisionRow = {
  number: number;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
  note: string | null;
  published: boolean;
};

/** The difference between two revisions, field by field (the door's diffRevisions). */
export type RevisionFieldDiff = {
  field: "headline" | "standfirst" | "body";
  parts: { value: string; added?: true; removed?: true }[];
};
