import { useEffect, useRef } from "react";
import type { FieldErrors } from "@/lib/newsroom/story-content";
import { fieldId } from "./field";

/** The control an error key points at, or the field it belongs to ("body.3.alt" -> body). */
function target(key: string): HTMLElement | null {
  return (
    document.getElementById(fieldId(key)) ?? document.getElementById(fieldId(key.split(".")[0]!))
  );
}

/**
 * The error summary shown when a workflow step (submit, publish, schedule) finds the story not
 * ready: a heading, then each problem as a link that moves focus to its field. It takes focus
 * when it appears (or changes), so keyboard and screen-reader users land on it (the GOV.UK
 * pattern).
 */
export function ErrorSummary({ errors, message }: { errors: FieldErrors; message?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const signature = JSON.stringify([message, entries]);
  useEffect(() => {
    box.current?.focus();
  }, [signature]);
  if (entries.length === 0 && !message) return null;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-heading"
      className="my-4 rounded border-2 border-kicker p-4"
    >
      <h2 id="error-summary-heading" className="font-serif text-lg font-bold">
        There is a problem
      </h2>
      {message ? <p className="mt-1">{message}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {entries.map(([key, text]) => (
            <li key={key}>
              <a
                href={`#${fieldId(key)}`}
                className="font-semibold text-kicker underline"
                onClick={(e) => {
                  const el = target(key);
                  if (el) {
                    e.preventDefault();
                    el.focus();
                    el.scrollIntoView?.({ block: "center" });
                  }
                }}
              >
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
