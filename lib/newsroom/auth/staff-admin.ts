import "server-only";
import { z } from "zod";
import { getStore } from "../../news/connect";
import type { FormState } from "../form-state";
import type { Staff } from "../session";
import { addUser, changeRole, listUsers, revokeSessions, type StaffAccount } from "./accounts";
import { getAuth } from "./auth";

/**
 * The accounts page's work (/newsroom/accounts, admins only; the caller has checked the role):
 * lists accounts, makes one, changes a role, ends an account's sessions. Each writes the audit
 * log with the admin as actor (lib/newsroom/auth/accounts.ts). Returns the state the form shows.
 */

const idField = z.string().min(1).max(100);

/** Every staff account, by email. */
export async function staffAccounts(): Promise<StaffAccount[]> {
  return listUsers(await getAuth());
}

/** Makes an account from the form: email, name, role, initial password. */
export async function createAccount(admin: Staff, form: FormData): Promise<FormState> {
  const outcome = await addUser(
    await getAuth(),
    await getStore(),
    {
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? ""),
      password: String(form.get("password") ?? ""),
    },
    admin,
  );
  if (!outcome.ok) return { error: outcome.error };
  return {
    notice: `Made ${outcome.value.role} ${outcome.value.email}. Give them the password in person; they can change it on their account page.`,
  };
}

/** Changes the role of the account `userId`; an admin cannot lower their own role (someone must stay admin). */
export async function setRole(admin: Staff, form: FormData): Promise<FormState> {
  const id = idField.safeParse(form.get("userId"));
  if (!id.success) return { error: "There is no such account." };
  const role = String(form.get("role") ?? "");
  if (id.data === admin.id && role !== "admin")
    return { error: "You cannot lower your own role; ask another admin." };
  const outcome = await changeRole(await getAuth(), await getStore(), id.data, role, admin);
  if (!outcome.ok) return { error: outcome.error };
  return { notice: `${outcome.value.email} is now ${outcome.value.role}.` };
}

/** Ends every session of the account `userId` at once. */
export async function endSessions(admin: Staff, form: FormData): Promise<FormState> {
  const id = idField.safeParse(form.get("userId"));
  if (!id.success) return { error: "There is no such account." };
  const outcome = await revokeSessions(await getAuth(), await getStore(), id.data, admin);
  if (!outcome.ok) return { error: outcome.error };
  return { notice: `Every session of ${outcome.value.email} has ended.` };
}
