import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../../test-support/temp-db";

let temp: TempDb;
beforeAll(async () => {
  temp = await createTempDb();
});
afterAll(() => temp.destroy());

describe("the audit log", () => {
  it("keeps entries newest first, pages by id and filters by action", async () => {
    const log = temp.store.newsroom();
    const base = { actorId: "u1", actorEmail: "ed@example.com" };
    await log.audit({
      ...base,
      at: "2026-12-01T00:00:00.000Z",
      action: "sign-in",
      address: "10.0.0.1",
    });
    await log.audit({ ...base, at: "2026-12-01T00:01:00.000Z", action: "published", articleId: 5 });
    await log.audit({
      ...base,
      at: "2026-12-01T00:02:00.000Z",
      action: "withdrawn",
      articleId: 5,
      detail: { reason: "<script>alert(1)</script> legal" },
    });

    const all = await log.auditLog({ before: null, limit: 10 });
    expect(all.map((e) => e.action)).toEqual(["withdrawn", "published", "sign-in"]);
    expect(all[0]).toMatchObject({
      articleId: 5,
      detail: { reason: "<script>alert(1)</script> legal" },
    });
    expect(all[2]).toMatchObject({ address: "10.0.0.1", articleId: null, detail: {} });

    const older = await log.auditLog({ before: all[0]!.id, limit: 1 });
    expect(older.map((e) => e.action)).toEqual(["published"]);
    const signIns = await log.auditLog({ before: null, limit: 10, action: "sign-in" });
    expect(signIns).toHaveLength(1);
  });
});
