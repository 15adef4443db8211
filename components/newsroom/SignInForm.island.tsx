"use client";

import { useActionState } from "react";
import type { SignInState } from "@/lib/newsroom/auth/sign-in-state";

const FIELD = "rounded border border-muted bg-paper px-3 py-2 text-ink";

type Props = {
  /** The Server Action: takes the previous state and the form, returns the next state (or redirects). */
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  /** Where to go once signed in (checked again on the server). */
  next: string;
  /** The state to start from (the sign-in page's, e.g. the code step when a challenge is pending). */
  initial: SignInState;
};

/**
 * The newsroom's sign-in form: "Email" and "Password", then, for an account with two-factor on,
 * "Code". A Server Action through useActionState, so it works before (and without) JavaScript.
 * An error is announced (role="alert") and tied to the fields with aria-describedby.
 */
export function SignInForm({ action, next, initial }: Props) {
  const [state, dispatch, pending] = useActionState(action, initial);
  const error = state.step === "done" ? null : state.error;
  const describedBy = error ? "sign-in-error" : undefined;
  return (
    <form action={dispatch} className="flex max-w-md flex-col gap-2">
      <input type="hidden" name="next" value={next} />
      {error && (
        <p
          id="sign-in-error"
          role="alert"
          className="rounded border border-kicker p-3 font-semibold text-kicker"
        >
          {error}
        </p>
      )}
      {state.step === "code" ? (
        <>
          <input type="hidden" name="step" value="code" />
          <input type="hidden" name="email" value={state.email} />
          <p>
            Two-factor sign-in is on for {state.email}. Enter the code your authenticator app shows.
          </p>
          <label htmlFor="sign-in-code">Code</label>
          <input
            id="sign-in-code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            autoFocus
            aria-describedby={describedBy}
            className={FIELD}
          />
        </>
      ) : (
        <>
          <label htmlFor="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={state.step === "password" ? state.email : ""}
            required
            maxLength={254}
            aria-describedby={describedBy}
            className={FIELD}
          />
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            aria-describedby={describedBy}
            className={FIELD}
          />
        </>
      )}
      <button
        type="submit"
        disabled={pending}
        className="mt-2 self-start rounded bg-accent px-4 py-2 font-semibold text-accent-ink"
      >
        {state.step === "code" ? "Verify code" : "Sign in"}
      </button>
    </form>
  );
}
