// TEMPORARY copy of helper "accounts"' contract signatures so this branch compiles and runs;
// replaced by the real file when accounts lands on main (git merge main). Do not ship.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { roleAtLeast, type Role } from "./roles";

export type Staff = { id: string; email: string; name: string; role: Role };

/** The signed-in staff member of this request, or null. TEMPORARY: always null. */
export async function currentStaff(): Promise<Staff | null> {
  return null;
}

/** TEMPORARY: no sessions yet, so everyone is sent to sign in. */
export async function requireStaff(minimum: Role = "writer"): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect("/newsroom/sign-in");
  if (!roleAtLeast(staff.role, minimum)) forbidden();
  return staff;
}

/** TEMPORARY: 401 without a session. */
export async function staffForRequest(
  _request: Request,
  minimum: Role = "writer",
): Promise<Staff | Response> {
  const staff = await currentStaff();
  if (!staff) return new Response("Sign in first.\n", { status: 401 });
  if (!roleAtLeast(staff.role, minimum)) return new Response("Forbidden.\n", { status: 403 });
  return staff;
}
