import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { linkProblem } from "@/lib/content/blocks";

/**
 * The body editor's link prompt (used inside BodyEditor.island.tsx): a labelled address field
 * that takes only http, https and mailto addresses (lib/content/blocks.ts linkProblem), with the
 * reason next to the field when it refuses one. Enter applies, Escape or Cancel closes without a
 * change, "Remove link" unlinks the selection. Focus starts in the field.
 */
export function LinkDialog({
  initial,
  onApply,
  onRemove,
  onClose,
}: {
  initial: string;
  onApply: (href: string) => void;
  onRemove: (() => void) | null;
  onClose: () => void;
}) {
  const id = useId();
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    const problem = linkProblem(value);
    if (problem) setError(problem.charAt(0).toUpperCase() + problem.slice(1) + ".");
    else onApply(value);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div
      role="dialog"
      aria-labelledby={`${id}-title`}
      className="my-2 rounded border border-rule bg-paper p-3"
      onKeyDown={onKeyDown}
    >
      <form onSubmit={submit} noValidate>
        <p id={`${id}-title`} className="font-sans text-sm font-bold">
          Link
        </p>
        <label htmlFor={`${id}-href`} className="mt-2 block font-sans text-sm">
          Link address (http, https or mailto)
        </label>
        <input
          id={`${id}-href`}
          type="url"
          inputMode="url"
          autoFocus
          value={href}
          onChange={(e) => {
            setHref(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 w-full rounded border border-rule px-2 py-1"
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="mt-1 font-sans text-sm text-kicker">
            {error}
          </p>
        )}
        <div className="mt-2 flex gap-2 font-sans text-sm">
          <button type="submit" className="rounded bg-accent px-3 py-1 text-accent-ink">
            Apply link
          </button>
          {onRemove && (
            <button type="button" onClick={onRemove} className="rounded border px-3 py-1">
              Remove link
            </button>
          )}
          <button type="button" onClick={onClose} className="rounded border px-3 py-1">
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
