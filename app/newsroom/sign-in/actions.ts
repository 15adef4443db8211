"use server";

import { redirect } from "next/navigation";
import { safeNext } from "@/lib/newsroom/auth/paths";
import { signInWithCode, signInWithPassword, signOut } from "@/lib/newsroom/auth/sign-in";
import type { SignInState } from "@/lib/newsroom/auth/sign-in-state";

/** The sign-in form's action: the password step or the code step; on success, on to `next`. */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const state =
    form.get("step") === "code" ? await signInWithCode(form) : await signInWithPassword(form);
  if (state.step === "done") redirect(safeNext(String(form.get("next") ?? "")));
  return state;
}

/** The Sign out button's action: ends this session everywhere it is used, then the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/newsroom/sign-in");
}
