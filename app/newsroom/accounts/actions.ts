"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/newsroom/form-state";
import { createAccount, endSessions, setRole } from "@/lib/newsroom/auth/staff-admin";
import { requireStaff } from "@/lib/newsroom/session";

/** Makes a staff account (admins only, checked here). */
export async function createAccountAction(_: FormState, form: FormData): Promise<FormState> {
  const state = await createAccount(await requireStaff("admin"), form);
  if (!state.error) revalidatePath("/newsroom/accounts");
  return state;
}

/** Changes an account's role (admins only, checked here). */
export async function setRoleAction(_: FormState, form: FormData): Promise<FormState> {
  const state = await setRole(await requireStaff("admin"), form);
  if (!state.error) revalidatePath("/newsroom/accounts");
  return state;
}

/** Ends every session of an account (admins only, checked here). */
export async function endSessionsAction(_: FormState, form: FormData): Promise<FormState> {
  return endSessions(await requireStaff("admin"), form);
}
