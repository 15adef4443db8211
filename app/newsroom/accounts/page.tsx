import type { Metadata } from "next";
import { ActionForm } from "@/components/newsroom/ActionForm.island";
import { Field } from "@/components/newsroom/Field";
import { staffAccounts } from "@/lib/newsroom/auth/staff-admin";
import { ROLES } from "@/lib/newsroom/roles";
import { requireStaff } from "@/lib/newsroom/session";
import { createAccountAction, endSessionsAction, setRoleAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accounts" };

const select = "rounded border border-muted bg-paper px-3 py-2 text-ink";

/** /newsroom/accounts (admins): the staff, a new account, roles, and ending sessions. */
export default async function AccountsPage() {
  await requireStaff("admin");
  const accounts = await staffAccounts();
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-bold">Accounts</h1>
      <section aria-labelledby="staff" className="flex flex-col gap-3">
        <h2 id="staff" className="text-xl font-bold">
          Staff
        </h2>
        <ul className="flex flex-col gap-4">
          {accounts.map((account) => (
            <li key={account.id} className="border-t border-rule pt-3">
              <p>
                <strong>{account.name}</strong> {account.email} ({account.role}, two-factor{" "}
                {account.twoFactorEnabled ? "on" : "off"})
              </p>
              <div className="flex flex-wrap gap-6">
                <ActionForm action={setRoleAction} submitLabel={`Change role of ${account.email}`}>
                  <input type="hidden" name="userId" value={account.id} />
                  <label htmlFor={`role-${account.id}`} className="font-semibold">
                    Role of {account.email}
                  </label>
                  <select
                    id={`role-${account.id}`}
                    name="role"
                    defaultValue={account.role}
                    className={select}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </ActionForm>
                <ActionForm
                  action={endSessionsAction}
                  submitLabel={`End sessions of ${account.email}`}
                  tone="danger"
                >
                  <input type="hidden" name="userId" value={account.id} />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-account" className="flex max-w-xl flex-col gap-3">
        <h2 id="new-account" className="text-xl font-bold">
          New account
        </h2>
        <ActionForm
          action={createAccountAction}
          submitLabel="Create account"
          labelledBy="new-account"
        >
          <Field
            id="new-email"
            name="email"
            label="Email"
            type="email"
            autoComplete="off"
            required
          />
          <Field
            id="new-name"
            name="name"
            label="Name"
            autoComplete="off"
            required
            maxLength={100}
          />
          <label htmlFor="new-role" className="font-semibold">
            Role
          </label>
          <select id="new-role" name="role" defaultValue="writer" className={select}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <Field
            id="new-password"
            name="password"
            label="Initial password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 12 characters. Tell it to them in person; they can change it."
          />
        </ActionForm>
      </section>
    </div>
  );
}
