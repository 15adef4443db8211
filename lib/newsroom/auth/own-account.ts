import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import type { FormState } from "../form-state";
import { auditAccount } from "./audit";
import { getAuth } from "./auth";
import { passwordProblem } from "./passwords";
import type { Staff } from "../session";

/**
 * What a staff member does to their own account on /newsroom/account: change the password
 * (ending their other sessions) and turn TOTP two-factor on (password, then a code from the app)
 * or off (not for admins, who must keep it). Every call goes through better-auth with this
 * request's session. Returns the state the form shows; never throws for bad input.
 */

const passwordField = z.string().min(1, "Enter your current password.").max(256);
const codeField = z
  .string()
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

function message(error: unknown, fallback: string): string {
  const text = error instanceof Error ? error.message : "";
  if (/password/i.test(text)) return "Your current password is not right.";
  if (/code|otp/i.test(text)) return "That code is not right. Try the current one.";
  return fallback;
}

/** Changes the password: the current one, then the new one (strength checked as everywhere). */
export async function changeOwnPassword(staff: Staff, form: FormData): Promise<FormState> {
  const current = passwordField.safeParse(form.get("current") ?? "");
  if (!current.success) return { error: current.error.issues[0]!.message };
  const next = String(form.get("password") ?? "");
  const weak = passwordProblem(next, staff.email);
  if (weak) return { error: weak };
  if (next !== String(form.get("confirm") ?? ""))
    return { error: "The new password and its repetition differ." };
  try {
    await (
      await getAuth()
    ).api.changePassword({
      body: { currentPassword: current.data, newPassword: next, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (error) {
    return { error: message(error, "The password could not be changed. Try again.") };
  }
  await auditAccount({
    actorId: staff.id,
    actorEmail: staff.email,
    action: "password-changed",
    detail: { userId: staff.id, email: staff.email, own: true },
  });
  return { notice: "Your password is changed; your other sessions have ended." };
}

/**
 * The first step of two-factor: checks the password and makes a new secret (not yet in force),
 * shown as its setup key and otpauth URI, with backup codes.
 */
export async function startTwoFactor(form: FormData): Promise<FormState> {
  const password = passwordField.safeParse(form.get("current") ?? "");
  if (!password.success) return { error: password.error.issues[0]!.message };
  try {
    const result = await (
      await getAuth()
    ).api.enableTwoFactor({
      body: { password: password.data },
      headers: await headers(),
    });
    if (!("totpURI" in result) || !result.totpURI) return { error: "Two-factor could not start." };
    const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
    return {
      notice:
        "Add this account to your authenticator app with the setup key (or the otpauth link), then enter the code it shows below to turn two-factor on.",
      details: [
        { label: "Setup key", value: secret },
        { label: "otpauth URI", value: result.totpURI },
        { label: "Backup codes (keep them safe)", value: (result.backupCodes ?? []).join(" ") },
      ],
    };
  } catch (error) {
    return { error: message(error, "Two-factor could not start. Try again.") };
  }
}

/** The second step: a code from the app proves the secret is set up, and two-factor is on. */
export async function confirmTwoFactor(staff: Staff, form: FormData): Promise<FormState> {
  const code = codeField.safeParse(form.get("code") ?? "");
  if (!code.success) return { error: code.error.issues[0]!.message };
  try {
    await (
      await getAuth()
    ).api.verifyTOTP({
      body: { code: code.data },
      headers: await headers(),
    });
  } catch (error) {
    return { error: message(error, "Start by entering your password above.") };
  }
  await auditAccount({
    actorId: staff.id,
    actorEmail: staff.email,
    action: "two-factor-enabled",
    detail: { userId: staff.id },
  });
  return { notice: "Two-factor sign-in is on." };
}

/** Turns two-factor off with the password; refused for admins, who must keep it. */
export async function stopTwoFactor(staff: Staff, form: FormData): Promise<FormState> {
  if (staff.role === "admin") return { error: "Admins must keep two-factor sign-in on." };
  const password = passwordField.safeParse(form.get("current") ?? "");
  if (!password.success) return { error: password.error.issues[0]!.message };
  try {
    await (
      await getAuth()
    ).api.disableTwoFactor({
      body: { password: password.data },
      headers: await headers(),
    });
  } catch (error) {
    return { error: message(error, "Two-factor could not be turned off. Try again.") };
  }
  await auditAccount({
    actorId: staff.id,
    actorEmail: staff.email,
    action: "two-factor-disabled",
    detail: { userId: staff.id },
  });
  return { notice: "Two-factor sign-in is off." };
}
