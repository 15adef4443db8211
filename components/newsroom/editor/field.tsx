import type { ReactNode } from "react";

/** Classes of the newsroom's form controls (the search form's look: 44 px targets, muted border). */
export const CONTROL =
  "min-h-11 w-full rounded border border-muted bg-paper px-3 text-base text-ink aria-[invalid=true]:border-kicker aria-[invalid=true]:border-2";
export const LABEL = "mb-1 block font-semibold";
export const HINT = "mb-1 block text-sm text-muted";
export const BUTTON =
  "min-h-11 rounded bg-accent px-4 font-semibold text-accent-ink hover:underline disabled:opacity-60";
export const QUIET_BUTTON =
  "min-h-11 rounded border border-muted bg-paper px-4 font-semibold text-ink hover:underline";

/**
 * The id of the control for a field's error key ("headline" -> "story-headline", "lead.alt" ->
 * "story-lead-alt", "byline.0.name" -> "story-byline-0-name"), so the error summary can link to
 * it and each control can name its own error.
 */
export function fieldId(key: string): string {
  return `story-${key.replaceAll(".", "-")}`;
}

/** The id of a field's error message (for aria-describedby). */
export function errorId(key: string): string {
  return `${fieldId(key)}-error`;
}

/**
 * The accessibility attributes of a control with an optional hint and error: aria-invalid and
 * aria-describedby naming the hint and the error, in that order.
 */
export function describedBy(key: string, error: string | undefined, hintId?: string) {
  const ids = [hintId, error ? errorId(key) : undefined].filter(Boolean).join(" ");
  return {
    id: fieldId(key),
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": ids || undefined,
  };
}

/** A field's error, next to it: "Error: " is spoken and shown, so colour is not the only sign. */
export function FieldError({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={errorId(name)} className="mt-1 text-sm font-semibold text-kicker">
      <span aria-hidden="true">⚠ </span>
      <span className="sr-only">Error: </span>
      {error}
    </p>
  );
}

/** A labelled field: label, optional hint, the control, then its error. */
export function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="mt-5">
      <label htmlFor={fieldId(name)} className={LABEL}>
        {label}
      </label>
      {hint ? (
        <span id={`${fieldId(name)}-hint`} className={HINT}>
          {hint}
        </span>
      ) : null}
      {children}
      <FieldError name={name} error={error} />
    </div>
  );
}
