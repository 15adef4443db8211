import { z } from "zod";
import type { NewsStore } from "../../news/store";
import { ROLES, isRole, type Role } from "../roles";
import type { HeraldAuth } from "./options";
import { passwordProblem } from "./passwords";

/**
 * Staff accounts, made and changed by admins (the accounts page) and `npm run newsroom`: never
 * by sign-up, which is off. Each works on better-auth's own records through its internal
 * adapter (so hashes are better-auth's scrypt, and sessions its own), and writes the audit log.
 * No server-only imports: the command-line tool uses it.
 */

/** A staff account as the accounts page and `list-users` show it. */
export type StaffAccount = {
  id: string;
  email: string;
  name: string;
  role: Role;
  twoFactorEnabled: boolean;
  createdAt: string;
};

/** Who does it, for the audit log (null: the command line on the server). */
export type Actor = { id: string; email: string } | null;

/** Either what was asked, or why not, in a sentence for the form or the terminal. */
export type Outcome<T> =
  { ok: true; value: T } | { ok: false; error: string; code: "invalid" | "duplicate" | "unknown" };

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter a valid email address.")
  .max(254);
export const nameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(100, "The name is too long.");
export const roleSchema = z.enum(ROLES, { error: "The role must be writer, editor or admin." });

const newUserSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema });

type User = {
  id: string;
  email: string;
  name: string;
  role?: unknown;
  twoFactorEnabled?: unknown;
  createdAt: Date;
};

function toAccount(user: User): StaffAccount {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: isRole(user.role) ? user.role : "writer",
    twoFactorEnabled: user.twoFactorEnabled === true,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

async function audit(
  store: NewsStore,
  actor: Actor,
  action:
    | "user-created"
    | "role-changed"
    | "password-changed"
    | "sessions-revoked"
    | "two-factor-disabled",
  detail: Record<string, unknown>,
) {
  await store.newsroom().audit({
    at: new Date().toISOString(),
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? "command line",
    action,
    detail,
  });
}

/** Makes a staff account with a password; refuses a bad field, a weak password or an email in use. */
export async function addUser(
  auth: HeraldAuth,
  store: NewsStore,
  input: { email: string; name?: string; role: string; password: string },
  actor: Actor,
): Promise<Outcome<StaffAccount>> {
  const parsed = newUserSchema.safeParse({
    email: input.email,
    name: input.name?.trim() || input.email.split("@")[0],
    role: input.role,
  });
  if (!parsed.success)
    return { ok: false, code: "invalid", error: parsed.error.issues[0]!.message };
  const weak = passwordProblem(input.password, parsed.data.email);
  if (weak) return { ok: false, code: "invalid", error: weak };
  const ctx = await auth.$context;
  if (await ctx.internalAdapter.findUserByEmail(parsed.data.email))
    return {
      ok: false,
      code: "duplicate",
      error: `There is already an account for ${parsed.data.email}.`,
    };
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    {
      email: parsed.data.email,
      name: parsed.data.name,
      role: parsed.data.role,
      emailVerified: true,
    },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    providerId: "credential",
    accountId: user.id,
    userId: user.id,
    password: hash,
  });
  await audit(store, actor, "user-created", {
    userId: user.id,
    email: user.email,
    role: parsed.data.role,
  });
  return { ok: true, value: toAccount(user as User) };
}

/** Every staff account, by email. */
export async function listUsers(auth: HeraldAuth): Promise<StaffAccount[]> {
  const ctx = await auth.$context;
  const users = (await ctx.internalAdapter.listUsers(1000, 0, {
    field: "email",
    direction: "asc",
  })) as User[];
  return users.map(toAccount);
}

/** The account of `email`, or null. */
export async function findUser(auth: HeraldAuth, email: string): Promise<StaffAccount | null> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return null;
  const ctx = await auth.$context;
  const found = await ctx.internalAdapter.findUserByEmail(parsed.data);
  return found ? toAccount(found.user as User) : null;
}

/** Sets a new password (a reset by an admin or the command line) and ends every session of the account. */
export async function setPassword(
  auth: HeraldAuth,
  store: NewsStore,
  email: string,
  password: string,
  actor: Actor,
): Promise<Outcome<StaffAccount>> {
  const user = await findUser(auth, email);
  if (!user) return { ok: false, code: "unknown", error: `There is no account for ${email}.` };
  const weak = passwordProblem(password, user.email);
  if (weak) return { ok: false, code: "invalid", error: weak };
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(password);
  const accounts = await ctx.internalAdapter.findAccounts(user.id);
  if (accounts.some((account) => account.providerId === "credential"))
    await ctx.internalAdapter.updatePassword(user.id, hash);
  else
    await ctx.internalAdapter.linkAccount({
      providerId: "credential",
      accountId: user.id,
      userId: user.id,
      password: hash,
    });
  await ctx.internalAdapter.deleteUserSessions(user.id);
  await audit(store, actor, "password-changed", { userId: user.id, email: user.email });
  return { ok: true, value: user };
}

/** Changes an account's role; it applies from the next request (the guard reads the account on each). */
export async function changeRole(
  auth: HeraldAuth,
  store: NewsStore,
  userId: string,
  role: string,
  actor: Actor,
): Promise<Outcome<StaffAccount>> {
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success)
    return { ok: false, code: "invalid", error: parsed.error.issues[0]!.message };
  const ctx = await auth.$context;
  const before = await ctx.internalAdapter.findUserById(userId);
  if (!before) return { ok: false, code: "unknown", error: "There is no such account." };
  const from = toAccount(before as User).role;
  const updated = await ctx.internalAdapter.updateUser(userId, { role: parsed.data });
  await audit(store, actor, "role-changed", { userId, email: before.email, from, to: parsed.data });
  return { ok: true, value: toAccount(updated as User) };
}

/** Ends every session of an account at once (each is deleted from the database). */
export async function revokeSessions(
  auth: HeraldAuth,
  store: NewsStore,
  userId: string,
  actor: Actor,
): Promise<Outcome<StaffAccount>> {
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.findUserById(userId);
  if (!user) return { ok: false, code: "unknown", error: "There is no such account." };
  await ctx.internalAdapter.deleteUserSessions(userId);
  await audit(store, actor, "sessions-revoked", { userId, email: user.email });
  return { ok: true, value: toAccount(user as User) };
}
