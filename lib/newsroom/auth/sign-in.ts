import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { readConfig } from "../../config";
import { getStore } from "../../news/connect";
import { clientAddress } from "../../page-views/client-address";
import { auditAccount } from "./audit";
import { getAuth } from "./auth";

import type { SignInState } from "./sign-in-state";

/** The one message for a wrong email or password: it never tells whether the account exists. */
export const WRONG_CREDENTIALS = "The email or password is not right.";
/** The message while a limit holds. */
export const TOO_MANY = (minutes: number) =>
  `Too many failed sign-ins. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});
const codeSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  code: z
    .string()
    .transform((code) => code.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/)),
});

async function context() {
  const config = readConfig();
  const requestHeaders = await headers();
  return {
    requestHeaders,
    address: clientAddress(requestHeaders, config.trustedProxies),
    windowMs: config.signInWindowSeconds * 1000,
    minutes: Math.max(1, Math.ceil(config.signInWindowSeconds / 60)),
    newsroom: (await getStore()).newsroom(),
  };
}

/**
 * The first step of signing in: checks the limits (per account and per address, in the
 * database), then the email and password with better-auth, which sets the session cookie (or,
 * for an account with two-factor on, its short-lived two-factor cookie and asks for the code).
 * Every failure is counted and written to the audit log with the address. Never throws for bad
 * input: returns the state the form shows.
 */
export async function signInWithPassword(form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const parsed = credentialsSchema.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success)
    return {
      step: "password",
      error: "Enter your email and password.",
      email: email.slice(0, 254),
    };
  const { requestHeaders, address, windowMs, minutes, newsroom } = await context();
  const now = new Date().toISOString();
  if (await newsroom.signInLimited(parsed.data.email, address, now, windowMs))
    return { step: "password", error: TOO_MANY(minutes), email };
  const auth = await getAuth();
  let result: Awaited<ReturnType<typeof auth.api.signInEmail>> | { twoFactorRedirect: true };
  try {
    result = await auth.api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password, rememberMe: false },
      headers: requestHeaders,
    });
  } catch {
    await failed(parsed.data.email, address, now, windowMs);
    return { step: "password", error: WRONG_CREDENTIALS, email };
  }
  if ("twoFactorRedirect" in result && result.twoFactorRedirect)
    return { step: "code", error: null, email: parsed.data.email };
  if (!("user" in result)) return { step: "password", error: WRONG_CREDENTIALS, email };
  await newsroom.clearSignInFailures(parsed.data.email);
  await auditAccount({
    actorId: result.user.id,
    actorEmail: result.user.email,
    action: "sign-in",
    address,
  });
  return { step: "done" };
}

/**
 * The second step for an account with two-factor on: checks the limits, then the code against
 * the two-factor cookie the first step set (better-auth's TOTP), which then sets the session
 * cookie. A wrong code counts as a failed sign-in.
 */
export async function signInWithCode(form: FormData): Promise<SignInState> {
  const parsed = codeSchema.safeParse({
    email: form.get("email") ?? "",
    code: form.get("code") ?? "",
  });
  const email = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.success)
    return { step: "code", error: "Enter the 6-digit code from your authenticator app.", email };
  const { requestHeaders, address, windowMs, minutes, newsroom } = await context();
  const now = new Date().toISOString();
  if (await newsroom.signInLimited(parsed.data.email, address, now, windowMs))
    return { step: "password", error: TOO_MANY(minutes), email };
  const auth = await getAuth();
  try {
    const result = await auth.api.verifyTOTP({
      body: { code: parsed.data.code, trustDevice: false },
      headers: requestHeaders,
    });
    await newsroom.clearSignInFailures(result.user.email);
    await auditAccount({
      actorId: result.user.id,
      actorEmail: result.user.email,
      action: "sign-in",
      address,
      detail: { twoFactor: true },
    });
    return { step: "done" };
  } catch (error) {
    await failed(parsed.data.email, address, now, windowMs, { twoFactor: true });
    // No two-factor cookie (expired, or never set): start again with the password.
    const expired = /cookie|session|expired/i.test(error instanceof Error ? error.message : "");
    return expired
      ? { step: "password", error: "That took too long. Sign in again.", email }
      : { step: "code", error: "That code is not right. Try the current one.", email };
  }
}

async function failed(
  email: string,
  address: string,
  now: string,
  windowMs: number,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await (await getStore()).newsroom().recordSignInFailure(email, address, now, windowMs);
  await auditAccount({
    actorId: null,
    actorEmail: email,
    action: "sign-in-failed",
    address,
    detail,
  });
}

/** Ends this browser's session (better-auth deletes it from the database) and logs it. */
export async function signOut(): Promise<void> {
  const requestHeaders = await headers();
  const auth = await getAuth();
  const session = await auth.api.getSession({
    headers: requestHeaders,
    query: { disableCookieCache: true },
  });
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined);
  if (session)
    await auditAccount({
      actorId: session.user.id,
      actorEmail: session.user.email,
      action: "sign-out",
      address: clientAddress(requestHeaders, readConfig().trustedProxies),
    });
}
