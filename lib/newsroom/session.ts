import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getAuth } from "./auth/auth";
import { NEWSROOM_PATH_HEADER, signInPath } from "./auth/paths";
import { ROLES, roleAtLeast, type Role } from "./roles";

/** A signed-in member of staff, as every newsroom page and action sees them. */
export type Staff = { id: string; email: string; name: string; role: Role };

/** A signed-in member of staff and what the guard needs besides. */
type Signed = Staff & { twoFactorEnabled: boolean; sessionId: string };

/** The staff member of the session cookie in `requestHeaders`, read from the database (never a cookie cache), or null. */
async function sessionOf(requestHeaders: Headers): Promise<Signed | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({
    headers: requestHeaders,
    query: { disableCookieCache: true },
  });
  if (!session) return null;
  const { user } = session;
  const role = (ROLES as readonly string[]).includes(user.role) ? (user.role as Role) : null;
  if (!role) return null; // a row edited by hand to an unknown role gets nothing
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role,
    twoFactorEnabled: user.twoFactorEnabled === true,
    sessionId: session.session.id,
  };
}

function toStaff({ id, email, name, role }: Signed): Staff {
  return { id, email, name, role };
}

/** The signed-in staff member of this request, or null (reads the better-auth session cookie). */
export async function currentStaff(): Promise<Staff | null> {
  const signed = await sessionOf(await headers());
  return signed ? toStaff(signed) : null;
}

/**
 * For pages and Server Actions: no session -> redirect to /newsroom/sign-in?next=<path>;
 * an admin without two-factor -> redirect to /newsroom/account (issue 17: required for admins);
 * role below `minimum` -> forbidden() (403). Returns the staff member.
 */
export async function requireStaff(minimum: Role = "writer"): Promise<Staff> {
  const signed = await requireSignedIn();
  if (signed.role === "admin" && !signed.twoFactorEnabled) redirect("/newsroom/account");
  if (!roleAtLeast(signed.role, minimum)) forbidden();
  return toStaff(signed);
}

/**
 * For /newsroom/account and its actions only: like requireStaff() but lets an admin without
 * two-factor in, since that page is where they turn it on. Also returns whether two-factor is on.
 */
export async function requireStaffForOwnAccount(): Promise<Staff & { twoFactorEnabled: boolean }> {
  const signed = await requireSignedIn();
  return { ...toStaff(signed), twoFactorEnabled: signed.twoFactorEnabled };
}

async function requireSignedIn(): Promise<Signed> {
  const requestHeaders = await headers();
  const signed = await sessionOf(requestHeaders);
  if (!signed) redirect(signInPath(requestHeaders.get(NEWSROOM_PATH_HEADER)));
  return signed;
}

/** For route handlers: the staff member, or a Response (401 without a session, 403 for a too-low role). */
export async function staffForRequest(
  request: Request,
  minimum: Role = "writer",
): Promise<Staff | Response> {
  const signed = await sessionOf(request.headers);
  if (!signed) return refusal(401, "Sign in to the newsroom first.");
  if (signed.role === "admin" && !signed.twoFactorEnabled)
    return refusal(403, "Turn on two-factor sign-in at /newsroom/account first.");
  if (!roleAtLeast(signed.role, minimum)) return refusal(403, "Your role may not do this.");
  return toStaff(signed);
}

function refusal(status: 401 | 403, message: string): Response {
  return Response.json(
    { error: message },
    { status, headers: { "Cache-Control": "private, no-store" } },
  );
}
