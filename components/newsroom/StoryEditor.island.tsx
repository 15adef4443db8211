"use client";

import { useCallback, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { formatKstDateTime } from "@/lib/format/date";
import type { Role } from "@/lib/newsroom/roles";
import {
  fieldErrors,
  storyDraftSchema,
  storyReadySchema,
  type FieldErrors,
  type StoryContent,
} from "@/lib/newsroom/story-content";
import { findUnsaved } from "@/lib/newsroom/unsaved";
import { bodyProblem, storyBodySchema } from "@/lib/newsroom/story-body";
import { BodyEditor as RichBodyEditor } from "./BodyEditor.island";
import { BylineFields } from "./editor/BylineFields";
import { usePhotoPicker } from "./PhotoPicker.island";
import { ConflictNotice } from "./editor/ConflictNotice";
import { ErrorSummary } from "./editor/ErrorSummary";
import { FieldError, LABEL } from "./editor/field";
import { LeadPhotoFields } from "./editor/LeadPhotoFields";
import { SaveStatus } from "./editor/SaveStatus";
import { StoryFields } from "./editor/StoryFields";
import type { SectionOption } from "@/lib/newsroom/section-options";
import type {
  BodyEditorProps,
  PhotoChoice,
  SaveStory,
  StoryView,
  WorkflowActions,
} from "./editor/types";
import { useAutosave } from "./editor/use-autosave";
import { WorkflowPanel, type Check } from "./editor/WorkflowPanel";
import { stateName } from "./state-names";

type Props = {
  story: StoryView;
  /** The signed-in staff member's role: which workflow steps are offered. */
  role: Role;
  sections: SectionOption[];
  /** Autosave: the page's Server Action with the story's id bound. */
  save: SaveStory;
  /** The workflow Server Actions (a missing one hides its form). */
  actions: WorkflowActions;
  /** The lead photo's thumbnail address, when the story has one. */
  leadPhotoSrc?: string | null;
  /** Resolves with a chosen photo (or null: cancelled); the media library's picker unless given. */
  choosePhoto?: () => Promise<PhotoChoice | null>;
  /** The body editor: the rich-text BodyEditor island unless a test gives a stand-in. */
  BodyEditor?: ComponentType<BodyEditorProps>;
  /** Link to the story's revision history, named in the conflict message. */
  historyHref?: string;
  /** The staff preview route ("Preview": saves first, then opens the story in Draft Mode). */
  previewHref?: string;
  /** Quiet time before an autosave, in ms (2000). */
  autosaveDelayMs?: number;
  /** More of the side column (preview links). */
  children?: ReactNode;
};

/**
 * Errors of the content as typed (lengths, slug spelling, the body's limits and links): shown at
 * once, and what autosave will not post (the server would refuse it; it stays on the device).
 */
function liveErrors(content: StoryContent): FieldErrors {
  const parsed = storyDraftSchema.safeParse(content);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const body = storyBodySchema.safeParse(content.body);
  if (!body.success) errors.body ??= bodyProblem(body.error);
  return errors;
}

/** liveErrors as autosave's check: null when the content may be posted. */
const refusedBeforeSaving = (content: StoryContent) => {
  const errors = liveErrors(content);
  return Object.keys(errors).length > 0 ? errors : null;
};

/** Field errors without those of the fields a change touched ("lead" clears "lead.alt"). */
function without(errors: FieldErrors, touched: string[]): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).filter(([key]) => !touched.includes(key.split(".")[0]!)),
  );
}

/**
 * The story editor (issue 17, "Writing a story"; docs/newsroom.md, "The story desk and
 * editor"): every field a published page shows, autosaved 2 s after the last change through
 * `save` (useAutosave: kept on the device, retried, conflicts shown), with the status in a live
 * region, errors beside their fields, and the workflow forms beside the story. Unsaved content
 * found on this device at load (a failed save, a closed tab) is restored, and the editor says so.
 */
export function StoryEditor({
  story,
  role,
  sections,
  save,
  actions,
  leadPhotoSrc = null,
  choosePhoto,
  BodyEditor = RichBodyEditor,
  historyHref,
  previewHref,
  autosaveDelayMs = 2000,
  children,
}: Props) {
  const library = usePhotoPicker();
  const pickPhoto = choosePhoto ?? library.choosePhoto;
  const [content, setContent] = useState(story.content);
  const [generation, setGeneration] = useState(0);
  const [leadSrc, setLeadSrc] = useState(leadPhotoSrc);
  const [stepErrors, setStepErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ errors: FieldErrors; message?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const autosave = useAutosave({
    storyId: story.id,
    initialVersion: story.version,
    initialContent: story.content,
    content,
    save,
    delayMs: autosaveDelayMs,
    check: refusedBeforeSaving,
  });
  const { restoreBase } = autosave;

  // Unsaved content kept on this device (a failed save, a closed tab): restored, and said so.
  useEffect(() => {
    let storage: Storage;
    try {
      storage = window.localStorage;
    } catch {
      return;
    }
    const copy = findUnsaved(storage, story.id);
    if (!copy || JSON.stringify(copy.content) === JSON.stringify(story.content)) return;
    restoreBase(copy.version);
    // localStorage is outside React and unknown to the server's HTML: read once after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setContent(copy.content);
    setGeneration((g) => g + 1);
    setNotice(
      `Restored changes that were not saved yet, typed on this device at ${formatKstDateTime(copy.at)} KST.` +
        (copy.version < story.version
          ? " The story was saved elsewhere since; saving will ask which version to keep."
          : ""),
    );
  }, [restoreBase, story.content, story.id, story.version]);

  // Leaving with changes not on the server: the browser asks first.
  const unsaved = autosave.status.kind !== "saved";
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const update = (patch: Partial<StoryContent>) => {
    setContent((c) => ({ ...c, ...patch }));
    setStepErrors((e) => without(e, Object.keys(patch)));
  };

  const onStepErrors = useCallback((errors: FieldErrors) => {
    setStepErrors(errors);
    setSummary({ errors });
  }, []);

  const { flush, currentVersion } = autosave;
  const prepare = async (form: HTMLFormElement, check: Check): Promise<boolean> => {
    if (check === "ready") {
      const ready = storyReadySchema.safeParse(content);
      if (!ready.success) {
        onStepErrors(fieldErrors(ready.error));
        return false;
      }
    }
    if (!(await flush())) {
      setSummary({
        errors: {},
        message:
          "The story could not be saved, so this step has to wait. Your changes are kept; see the status above.",
      });
      return false;
    }
    setSummary(null);
    const version = form.elements.namedItem("version");
    if (version instanceof HTMLInputElement) version.value = String(currentVersion());
    return true;
  };

  const saveErrors = autosave.status.kind === "invalid" ? autosave.status.errors : {};
  const errors = { ...stepErrors, ...saveErrors, ...liveErrors(content) };
  const bodyError = Object.entries(errors).find(([key]) => key.split(".")[0] === "body")?.[1];
  const status = autosave.status;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div>
        <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 border-b border-rule bg-paper py-2">
          <p className="text-sm">
            <span className="font-semibold">{stateName(story.state)}</span>
            {story.hasPendingChanges ? " · changes not yet republished" : null}
          </p>
          <SaveStatus status={status} />
        </div>
        {notice ? (
          <p role="status" className="my-3 rounded border border-rule p-3 text-sm">
            {notice}
          </p>
        ) : null}
        {story.reviewNote && story.state === "draft" ? (
          <p className="my-3 rounded border border-rule p-3 text-sm">
            <span className="font-semibold">Sent back: </span>
            {story.reviewNote}
          </p>
        ) : null}
        {status.kind === "conflict" ? (
          <ConflictNotice
            current={status.current}
            keptAsRevision={status.keptAsRevision}
            historyHref={historyHref}
            onLoadTheirs={() => {
              autosave.acceptTheirs(status.current);
              setContent(status.current.content);
              setLeadSrc(null);
              setGeneration((g) => g + 1);
            }}
            onKeepMine={() => autosave.keepMine(status.current)}
          />
        ) : null}
        {summary ? <ErrorSummary errors={summary.errors} message={summary.message} /> : null}
        <StoryFields
          key={`fields-${generation}`}
          content={content}
          errors={errors}
          sections={sections}
          onChange={update}
        />
        <BylineFields
          byline={content.byline}
          errors={errors}
          onChange={(byline) => update({ byline })}
        />
        <LeadPhotoFields
          lead={content.lead}
          src={leadSrc}
          errors={errors}
          choosePhoto={pickPhoto}
          onChange={(lead, src) => {
            setLeadSrc(src);
            update({ lead });
          }}
        />
        <div className="mt-5">
          <span id="story-body-label" className={LABEL}>
            Body
          </span>
          <BodyEditor
            key={`body-${generation}`}
            id="story-body"
            labelledBy="story-body-label"
            initial={content.body}
            onChange={(body) => update({ body })}
            choosePhoto={pickPhoto}
          />
          {choosePhoto ? null : library.picker}
          <FieldError name="body" error={bodyError} />
        </div>
      </div>
      <aside aria-label="Publishing" className="space-y-4">
        {previewHref ? (
          <p>
            <a
              href={previewHref}
              className="inline-flex min-h-11 items-center rounded border border-muted px-4 font-semibold hover:underline"
              onClick={(event) => {
                // Preview shows the saved story: save what is typed first.
                if (status.kind === "saved") return;
                event.preventDefault();
                void flush().then((saved) => {
                  if (saved) window.location.assign(previewHref);
                });
              }}
            >
              Preview
            </a>
          </p>
        ) : null}
        <WorkflowPanel
          storyId={story.id}
          version={autosave.version}
          state={story.state}
          role={role}
          // A scheduled story's time is the article's (the schedule step sets it, not the
          // revision's content): without it the panel showed no time and an empty Reschedule.
          publishAt={story.state === "scheduled" ? story.publishedAt : content.publishAt}
          hasPendingChanges={story.hasPendingChanges}
          actions={actions}
          prepare={prepare}
          onErrors={onStepErrors}
        />
        {story.state === "withdrawn" && story.withdrawnReason ? (
          <p className="text-sm">
            <span className="font-semibold">Withdrawn: </span>
            {story.withdrawnReason}
          </p>
        ) : null}
        {children}
      </aside>
    </div>
  );
}
