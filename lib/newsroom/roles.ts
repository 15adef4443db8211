/** A staff member's role in the newsroom (issue 17, "Accounts and roles"). */
export const ROLES = ["writer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` may do what `minimum` may: writer < editor < admin. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
