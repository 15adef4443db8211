"use client";

import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/newsroom/form-state";

type Props = {
  /** The Server Action: previous state and the form in, the state to show out. */
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** The submit button's text. */
  submitLabel: string;
  /** The form's fields (server-rendered, labelled). */
  children?: ReactNode;
  /** An accessible name for the form (the heading it sits under). */
  labelledBy?: string;
  /** "danger" for an action that ends sessions or turns protection off. */
  tone?: "default" | "danger";
};

/**
 * A newsroom form that posts to a Server Action and shows what came back: an error (role="alert"),
 * a notice (role="status") and details as selectable text. Works before JavaScript loads
 * (useActionState's progressive enhancement).
 */
export function ActionForm({ action, submitLabel, children, labelledBy, tone = "default" }: Props) {
  const [state, dispatch, pending] = useActionState(action, {});
  return (
    <form action={dispatch} aria-labelledby={labelledBy} className="flex flex-col gap-2">
      {children}
      <button
        type="submit"
        disabled={pending}
        className={
          tone === "danger"
            ? "mt-1 self-start rounded border-2 border-kicker px-4 py-2 font-semibold text-kicker"
            : "mt-1 self-start rounded bg-accent px-4 py-2 font-semibold text-accent-ink"
        }
      >
        {submitLabel}
      </button>
      <div aria-live="polite">
        {state.error && (
          <p role="alert" className="font-semibold text-kicker">
            {state.error}
          </p>
        )}
        {state.notice && <p role="status">{state.notice}</p>}
        {state.details && (
          <dl className="mt-2 flex flex-col gap-1">
            {state.details.map(({ label, value }) => (
              <div key={label}>
                <dt className="font-semibold">{label}</dt>
                <dd>
                  <code className="break-all select-all">{value}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </form>
  );
}
