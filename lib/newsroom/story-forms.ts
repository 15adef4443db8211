import { z } from "zod";
import { fromKstInputValue } from "../format/date";
import type { FieldErrors } from "./story-content";

/**
 * The story editor's workflow forms as posted (app/newsroom/stories/[id]/actions.ts): every
 * field validated here, so a forged or broken post gets a clear message, never a crash. Times
 * arrive as datetime-local values read as KST (lib/format/date.ts fromKstInputValue).
 */

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const version = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const base = z.object({ id, version });
const text = (max: number) => z.string().max(max).optional();

/** A refused post: a message, and field errors keyed as the editor shows them. */
export type FormProblem = { ok: false; kind: "invalid"; message: string; errors?: FieldErrors };

function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") out[key] ??= value;
  return out;
}

const broken: FormProblem = {
  ok: false,
  kind: "invalid",
  message: "The form was not understood: reload the page and try again",
};

/** id and version of any workflow form (submit, restore). */
export function readStep(form: FormData): { id: number; version: number } | FormProblem {
  const parsed = base.safeParse(fields(form));
  return parsed.success ? parsed.data : broken;
}

/** Restore: id, version and the revision number. */
export function readRestore(
  form: FormData,
): { id: number; version: number; number: number } | FormProblem {
  const parsed = base.extend({ number: id }).safeParse(fields(form));
  return parsed.success ? parsed.data : broken;
}

/**
 * Publish now (no publishAt field), schedule (publishAt, a KST datetime-local, in the future at
 * `now`) or republish (an optional correction). Returns the door's input or a problem.
 */
export function readPublish(
  form: FormData,
  now: string,
): { id: number; version: number; publishAt: string | null; correction?: string } | FormProblem {
  const parsed = base
    .extend({ publishAt: text(40), correction: text(10_000) })
    .safeParse(fields(form));
  if (!parsed.success) return broken;
  const { publishAt: typed, correction, ...step } = parsed.data;
  let publishAt: string | null = null;
  if (typed !== undefined) {
    publishAt = fromKstInputValue(typed);
    const problem = !publishAt
      ? "Enter the publication time as a date and time (KST)"
      : publishAt <= now
        ? "Choose a time in the future to schedule, or publish now"
        : null;
    if (problem)
      return { ok: false, kind: "invalid", message: problem, errors: { publishAt: problem } };
  }
  return { ...step, publishAt, correction: correction?.trim() || undefined };
}

/** Send back: the note to the writer (the door requires it and bounds it). */
export function readSendBack(
  form: FormData,
): { id: number; version: number; note: string } | FormProblem {
  const parsed = base.extend({ note: z.string().max(10_000).default("") }).safeParse(fields(form));
  return parsed.success ? parsed.data : broken;
}

/** Withdraw: the reason and the confirmation box (without it: refused, nothing withdrawn). */
export function readWithdraw(
  form: FormData,
): { id: number; version: number; reason: string } | FormProblem {
  const parsed = base
    .extend({ reason: z.string().max(10_000).default(""), confirm: z.string().optional() })
    .safeParse(fields(form));
  if (!parsed.success) return broken;
  if (parsed.data.confirm !== "yes")
    return {
      ok: false,
      kind: "invalid",
      message: "Tick the box to confirm the withdrawal",
      errors: { confirm: "Tick the box to confirm the withdrawal" },
    };
  return { id: parsed.data.id, version: parsed.data.version, reason: parsed.data.reason };
}

/** Whether a read form is a problem rather than input. */
export function isProblem(value: object): value is FormProblem {
  return "ok" in value && value.ok === false;
}
