import type { DB } from "../db";

/**
 * Failed newsroom sign-ins, counted in the database (table `sign_in_failures`, migration
 * 0009-accounts) so that every instance of the site shares the limits (issue 17, "Accounts and
 * roles"). A key is "account:<email>" or "address:<client address>"; a failure is one row per key.
 * Only rows newer than the window count, so a limit always lifts once the window has passed: the
 * real owner of an account is never locked out for good.
 */

/** How many failures within the window refuse further attempts, per account and per address. */
export const SIGN_IN_LIMITS = { account: 5, address: 20 } as const;

/** The keys one attempt is counted under. */
export type AttemptKeys = { account: string; address: string };

/** The row keys of an attempt for `email` (case-folded) from `address`. */
export function attemptKeys(email: string, address: string): AttemptKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

/**
 * Whether an attempt under `keys` at `now` (ISO UTC) is refused: the account or the address has
 * reached its limit of failures since `now - windowMs`.
 */
export async function isSignInLimited(
  db: DB,
  keys: AttemptKeys,
  now: string,
  windowMs: number,
): Promise<boolean> {
  const since = new Date(Date.parse(now) - windowMs).toISOString();
  const rows = await db
    .selectFrom("sign_in_failures")
    .select((eb) => ["key", eb.fn.countAll<string | number>().as("n")])
    .where("key", "in", [keys.account, keys.address])
    .where("at", ">", since)
    .groupBy("key")
    .execute();
  const count = (key: string) => Number(rows.find((row) => row.key === key)?.n ?? 0);
  return (
    count(keys.account) >= SIGN_IN_LIMITS.account || count(keys.address) >= SIGN_IN_LIMITS.address
  );
}

/** Notes one failed attempt under both keys at `now`, and forgets failures older than the window. */
export async function recordSignInFailure(
  db: DB,
  keys: AttemptKeys,
  now: string,
  windowMs: number,
): Promise<void> {
  const since = new Date(Date.parse(now) - windowMs).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("sign_in_failures").where("at", "<=", since).execute();
    await trx
      .insertInto("sign_in_failures")
      .values([
        { key: keys.account, at: now },
        { key: keys.address, at: now },
      ])
      .execute();
  });
}

/** Forgets the failures of an account after its owner signed in (the address's stay counted). */
export async function clearAccountFailures(db: DB, keys: AttemptKeys): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("key", "=", keys.account).execute();
}
