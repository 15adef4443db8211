import type { Role } from "./roles";

/**
 * TEMPORARY (helper "stories"): the signed-in staff member as lib/newsroom/session.ts (helper
 * "accounts") defines it in the contract. Replaced by `import type { Staff } from "./session"`
 * once "accounts" is on main; delete this file then.
 */
export type Staff = { id: string; email: string; name: string; role: Role };
