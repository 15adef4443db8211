/**
 * Staff roles of the newsroom (docs/newsroom.md, "Accounts and roles"), from least to most:
 * - writer: creates stories, edits their own drafts and stories in review, submits for review;
 * - editor: edits any story, publishes, schedules, sends back, withdraws, corrects, and makes and
 *   revokes preview links;
 * - admin: everything an editor does, plus accounts and roles (and must use two-factor).
 */
export const ROLES = ["writer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Whether `value` is a role's name. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` has at least the powers of `minimum` (admin ⊇ editor ⊇ writer). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
