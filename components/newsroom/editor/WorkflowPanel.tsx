import { startTransition, useActionState, useEffect, type ReactNode } from "react";
import { formatKstDateTime, toKstInputValue } from "@/lib/format/date";
import type { FieldErrors } from "@/lib/newsroom/story-content";
import { roleAtLeast, type Role } from "@/lib/newsroom/roles";
import { BUTTON, CONTROL, HINT, LABEL, QUIET_BUTTON } from "./field";
import type { DeskState, WorkflowAction, WorkflowActions, WorkflowState } from "./types";

/** What a form needs checked before it is posted: "ready" (storyReadySchema) or nothing more. */
export type Check = "ready" | "saved";

/**
 * Called before a workflow form is posted (with JavaScript): saves pending edits, checks the
 * story when the step needs it, and writes the current version into the form. False: stay.
 */
export type Prepare = (form: HTMLFormElement, check: Check) => Promise<boolean>;

type Props = {
  storyId: number;
  version: number;
  state: DeskState;
  role: Role;
  publishAt: string | null;
  hasPendingChanges: boolean;
  actions: WorkflowActions;
  prepare: Prepare;
  onErrors(errors: FieldErrors): void;
};

/**
 * One workflow form: a Server Action through useActionState, so it posts and shows its answer
 * without JavaScript too. With JavaScript, `prepare` runs first (save, check, version), then
 * the action runs with the form's data. The action's answer (when it did not redirect) is shown in
 * the form, and its field errors are handed to the editor to show beside the fields.
 */
function StepForm({
  action,
  storyId,
  version,
  check,
  prepare,
  onErrors,
  children,
}: {
  action: WorkflowAction;
  storyId: number;
  version: number;
  check: Check;
  prepare: Prepare;
  onErrors(errors: FieldErrors): void;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<WorkflowState, FormData>(action, null);
  useEffect(() => {
    if (state?.errors) onErrors(state.errors);
  }, [state, onErrors]);
  return (
    <form
      action={formAction}
      className="mt-4 border-t border-rule pt-4"
      onSubmit={(e) => {
        // With JavaScript: save and check first, then run the action here (without JavaScript
        // the browser posts the form to the same action).
        e.preventDefault();
        const form = e.currentTarget;
        void prepare(form, check).then((ok) => {
          if (ok) startTransition(() => formAction(new FormData(form)));
        });
      }}
    >
      <input type="hidden" name="id" value={storyId} />
      <input type="hidden" name="version" value={version} readOnly />
      {children}
      {state ? (
        <p role="alert" className="mt-2 text-sm font-semibold text-kicker">
          {state.message}
        </p>
      ) : null}
      {pending ? (
        <p className="mt-2 text-sm text-muted" role="status">
          Working…
        </p>
      ) : null}
    </form>
  );
}

/**
 * The workflow steps the signed-in staff member may take now, by role and state (issue 17,
 * "Workflow"): Submit for review (a draft); for editors, Publish now and Schedule (a draft, a
 * story in review or a scheduled one), Send back with a note (in review or scheduled), Republish
 * with an optional correction note (a published story) and Withdraw with a required reason and a
 * confirmation (published or scheduled). The door checks role and state again on the server.
 */
export function WorkflowPanel(props: Props) {
  const { storyId, version, state, role, publishAt, hasPendingChanges, actions } = props;
  const editor = roleAtLeast(role, "editor");
  const common = { storyId, version, prepare: props.prepare, onErrors: props.onErrors };
  const open = state === "draft" || state === "review" || state === "scheduled";
  const scheduledFor = publishAt ? toKstInputValue(publishAt) : "";
  return (
    <section aria-labelledby="workflow-heading" className="rounded border border-rule p-4">
      <h2 id="workflow-heading" className="font-serif text-lg font-bold">
        Workflow
      </h2>
      {actions.submit && state === "draft" ? (
        <StepForm action={actions.submit} check="ready" {...common}>
          <button type="submit" className={BUTTON}>
            Submit for review
          </button>
        </StepForm>
      ) : null}
      {editor && actions.publish && open ? (
        <>
          <StepForm action={actions.publish} check="ready" {...common}>
            <button type="submit" className={BUTTON}>
              Publish now
            </button>
          </StepForm>
          <StepForm action={actions.publish} check="ready" {...common}>
            <label htmlFor="schedule-at" className={LABEL}>
              Publish at (KST)
            </label>
            <input
              id="schedule-at"
              name="publishAt"
              type="datetime-local"
              required
              defaultValue={scheduledFor}
              className={CONTROL}
            />
            <button type="submit" className={`${QUIET_BUTTON} mt-2`}>
              {state === "scheduled" ? "Reschedule" : "Schedule"}
            </button>
          </StepForm>
        </>
      ) : null}
      {editor && actions.publish && state === "published" ? (
        <StepForm action={actions.publish} check="ready" {...common}>
          <p className={HINT}>
            {hasPendingChanges
              ? "Readers still see the published version. Republish to show them your changes."
              : "Readers see the current version."}
          </p>
          <label htmlFor="republish-correction" className={LABEL}>
            Correction note (optional)
          </label>
          <span id="republish-correction-hint" className={HINT}>
            Shown under the story with its time, e.g. “An earlier version misspelt the minister’s
            name.”
          </span>
          <textarea
            id="republish-correction"
            name="correction"
            rows={2}
            aria-describedby="republish-correction-hint"
            className={`${CONTROL} py-2`}
          />
          <button type="submit" className={`${BUTTON} mt-2`}>
            Republish
          </button>
        </StepForm>
      ) : null}
      {editor && actions.sendBack && (state === "review" || state === "scheduled") ? (
        <StepForm action={actions.sendBack} check="saved" {...common}>
          <label htmlFor="send-back-note" className={LABEL}>
            Note to the writer
          </label>
          <textarea
            id="send-back-note"
            name="note"
            rows={2}
            required
            className={`${CONTROL} py-2`}
          />
          <button type="submit" className={`${QUIET_BUTTON} mt-2`}>
            Send back
          </button>
        </StepForm>
      ) : null}
      {editor && actions.withdraw && (state === "published" || state === "scheduled") ? (
        <details className="mt-4 border-t border-rule pt-4">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">
            Withdraw this story…
          </summary>
          <StepForm action={actions.withdraw} check="saved" {...common}>
            <label htmlFor="withdraw-reason" className={LABEL}>
              Reason (required, kept in the log)
            </label>
            <textarea
              id="withdraw-reason"
              name="reason"
              rows={2}
              required
              className={`${CONTROL} py-2`}
            />
            <div className="mt-2 flex items-start gap-2">
              <input
                id="withdraw-confirm"
                name="confirm"
                type="checkbox"
                value="yes"
                required
                className="mt-1 size-5"
              />
              <label htmlFor="withdraw-confirm">
                Yes, withdraw it: its address will answer “gone” (410) and it leaves every list,
                feed and search.
              </label>
            </div>
            <button type="submit" className={`${BUTTON} mt-2`}>
              Withdraw
            </button>
          </StepForm>
        </details>
      ) : null}
      {state === "scheduled" && publishAt ? (
        <p className="mt-4 text-sm">Scheduled for {formatKstDateTime(publishAt)} KST.</p>
      ) : null}
    </section>
  );
}
