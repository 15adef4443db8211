import { describe, expect, it } from "vitest";
import { guardFailures } from "./guard-failures";

class Translated extends Error {}
const translate = (error: unknown) => new Translated(String(error));

describe("guardFailures", () => {
  it("keeps the newsroom accessor synchronous and guards the newsroom's own methods", async () => {
    const newsroom = {
      async auditLog() {
        throw new Error("disk I/O error");
      },
    };
    const db = { name: "kysely" };
    const guarded = guardFailures(
      {
        newsroom: () => newsroom,
        authDatabase: () => ({ db, type: "sqlite" }),
        async read() {
          throw new Error("gone");
        },
      },
      translate,
    );
    const inner = guarded.newsroom();
    expect(inner).not.toBeInstanceOf(Promise);
    await expect(inner.auditLog()).rejects.toBeInstanceOf(Translated);
    expect(guarded.authDatabase().db).toBe(db);
    await expect(guarded.read()).rejects.toBeInstanceOf(Translated);
  });
});
