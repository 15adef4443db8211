/** What the sign-in form shows after a post (plain data: it crosses to the client). */
export type SignInState =
  | { step: "password"; error: string | null; email: string }
  | { step: "code"; error: string | null; email: string }
  | { step: "done" };

/** The form before anything was posted. */
export const INITIAL_SIGN_IN: SignInState = { step: "password", error: null, email: "" };
