import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SIGN_IN_LIMITS,
  attemptKeys,
  clearAccountFailures,
  isSignInLimited,
  recordSignInFailure,
} from "./sign-in-limits";
import { MINUTE_MS, createTempDb, shiftIso, type TempDb } from "../../test-support/temp-db";

const T0 = "2024-06-01T12:00:00.000Z";
const at = (minutes: number) => shiftIso(T0, minutes * MINUTE_MS);
const WINDOW = 15 * MINUTE_MS;

let temp: TempDb;
beforeAll(async () => {
  temp = await createTempDb();
});
afterAll(async () => {
  await temp.destroy();
});

const db = () => temp.db;

async function fail(keys: ReturnType<typeof attemptKeys>, times: number, now: string) {
  for (let i = 0; i < times; i++) await recordSignInFailure(db(), keys, now, WINDOW);
}

describe("sign-in limits", () => {
  it("refuse an account after its limit of failures, whatever the letter case of the email, until the window has passed", async () => {
    const keys = attemptKeys("Owner@Example.com", "10.0.0.1");
    await fail(keys, SIGN_IN_LIMITS.account - 1, at(0));
    expect(await isSignInLimited(db(), keys, at(1), WINDOW)).toBe(false);
    await fail(attemptKeys("owner@example.com ", "10.0.0.2"), 1, at(1));
    // The account is limited from any address...
    expect(
      await isSignInLimited(db(), attemptKeys("owner@example.com", "10.9.9.9"), at(2), WINDOW),
    ).toBe(true);
    // ...another account is not...
    expect(
      await isSignInLimited(db(), attemptKeys("other@example.com", "10.9.9.9"), at(2), WINDOW),
    ).toBe(false);
    // ...and the limit lifts once the failures are older than the window.
    expect(await isSignInLimited(db(), keys, at(16.5), WINDOW)).toBe(false);
  });

  it("refuse an address after its limit of failures across accounts", async () => {
    const address = "192.0.2.7";
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++)
      await fail(attemptKeys(`guess${i}@example.com`, address), 1, at(30));
    expect(
      await isSignInLimited(db(), attemptKeys("fresh@example.com", address), at(31), WINDOW),
    ).toBe(true);
    expect(
      await isSignInLimited(db(), attemptKeys("fresh@example.com", "192.0.2.8"), at(31), WINDOW),
    ).toBe(false);
    expect(
      await isSignInLimited(db(), attemptKeys("fresh@example.com", address), at(46), WINDOW),
    ).toBe(false);
  });

  it("forget an account's failures when its owner signs in, and prune old rows on the next failure", async () => {
    const keys = attemptKeys("clear@example.com", "198.51.100.1");
    await fail(keys, SIGN_IN_LIMITS.account, at(60));
    expect(await isSignInLimited(db(), keys, at(61), WINDOW)).toBe(true);
    await clearAccountFailures(db(), keys);
    expect(
      await isSignInLimited(db(), attemptKeys("clear@example.com", "203.0.113.5"), at(61), WINDOW),
    ).toBe(false);
    await fail(attemptKeys("late@example.com", "203.0.113.6"), 1, at(200));
    const rows = await db().selectFrom("sign_in_failures").select("at").execute();
    expect(rows.every((row) => row.at > at(185))).toBe(true);
    expect(rows).toHaveLength(2);
  });
});
