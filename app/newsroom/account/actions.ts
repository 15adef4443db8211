"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/newsroom/form-state";
import {
  changeOwnPassword,
  confirmTwoFactor,
  startTwoFactor,
  stopTwoFactor,
} from "@/lib/newsroom/auth/own-account";
import { requireStaffForOwnAccount } from "@/lib/newsroom/session";

/** Changes the signed-in staff member's own password. */
export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  return changeOwnPassword(await requireStaffForOwnAccount(), form);
}

/** Starts two-factor set-up: shows the setup key and otpauth URI. */
export async function startTwoFactorAction(_: FormState, form: FormData): Promise<FormState> {
  await requireStaffForOwnAccount();
  return startTwoFactor(form);
}

/** Confirms two-factor with a code; the page then shows it on. */
export async function confirmTwoFactorAction(_: FormState, form: FormData): Promise<FormState> {
  const state = await confirmTwoFactor(await requireStaffForOwnAccount(), form);
  if (!state.error) revalidatePath("/newsroom", "layout");
  return state;
}

/** Turns two-factor off (not for admins). */
export async function stopTwoFactorAction(_: FormState, form: FormData): Promise<FormState> {
  const state = await stopTwoFactor(await requireStaffForOwnAccount(), form);
  if (!state.error) revalidatePath("/newsroom", "layout");
  return state;
}
