import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/ActionForm.island";
import { Field } from "@/components/newsroom/Field";
import { requireStaffForOwnAccount } from "@/lib/newsroom/session";
import {
  changePasswordAction,
  confirmTwoFactorAction,
  startTwoFactorAction,
  stopTwoFactorAction,
} from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

/** /newsroom/account: your own password and two-factor sign-in (required for admins). */
export default async function AccountPage() {
  const staff = await requireStaffForOwnAccount();
  const mustSetUp = staff.role === "admin" && !staff.twoFactorEnabled;
  return (
    <div className="flex max-w-xl flex-col gap-8">
      <h1 className="text-2xl font-bold">Your account</h1>
      <p>
        {staff.name}, {staff.email} ({staff.role})
      </p>
      {mustSetUp && (
        <p role="alert" className="rounded border-2 border-kicker p-3 font-semibold">
          Admins must use two-factor sign-in. Turn it on below before anything else in the newsroom
          works.
        </p>
      )}

      <section aria-labelledby="two-factor" className="flex flex-col gap-3">
        <h2 id="two-factor" className="text-xl font-bold">
          Two-factor sign-in
        </h2>
        {staff.twoFactorEnabled ? (
          <>
            <p>
              Two-factor sign-in is on: you enter a code from your authenticator app after your
              password.
            </p>
            {staff.role !== "admin" && (
              <ActionForm
                action={stopTwoFactorAction}
                submitLabel="Turn off two-factor"
                tone="danger"
              >
                <Field
                  id="stop-current"
                  name="current"
                  label="Current password"
                  type="password"
                  autoComplete="current-password"
                  required
                />
              </ActionForm>
            )}
          </>
        ) : (
          <>
            <p>
              Two-factor sign-in is off. Step 1: enter your password to get a setup key for your
              authenticator app. Step 2: enter the code the app shows.
            </p>
            <ActionForm action={startTwoFactorAction} submitLabel="Get a setup key">
              <Field
                id="start-current"
                name="current"
                label="Current password"
                type="password"
                autoComplete="current-password"
                required
              />
            </ActionForm>
            <ActionForm action={confirmTwoFactorAction} submitLabel="Turn on two-factor">
              <Field
                id="confirm-code"
                name="code"
                label="Code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                required
              />
            </ActionForm>
          </>
        )}
      </section>

      <section aria-labelledby="password" className="flex flex-col gap-3">
        <h2 id="password" className="text-xl font-bold">
          Change password
        </h2>
        <ActionForm action={changePasswordAction} submitLabel="Change password">
          <Field
            id="pw-current"
            name="current"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
          />
          <Field
            id="pw-new"
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 12 characters; a few unrelated words make a good one."
          />
          <Field
            id="pw-confirm"
            name="confirm"
            label="New password again"
            type="password"
            autoComplete="new-password"
            required
          />
        </ActionForm>
      </section>
    </div>
  );
}
