/** What a newsroom form shows after its Server Action ran (plain data: it crosses to the client). */
export type FormState = {
  /** What went wrong, in a sentence (announced as an alert). */
  error?: string;
  /** What was done (announced politely). */
  notice?: string;
  /** Values to show as text after a success (a two-factor setup key, its otpauth URI). */
  details?: { label: string; value: string }[];
};

export const EMPTY_FORM: FormState = {};
