import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT, runNewsroomCommand, type CommandIo } from "../../../newsroom/auth/cli";
import { makeAuth } from "../../../newsroom/auth/options";
import { readConfig } from "../../../config";
import { createTempDb, type TempDb } from "../../test-support/temp-db";

/** `npm run newsroom` on this run's backend: accounts, hashes, refusals and the audit log. */

let temp: TempDb;
beforeAll(async () => {
  // A secret of its own, so no secret file is made beside the default database.
  process.env.HERALD_AUTH_SECRET = "t".repeat(40);
  temp = await createTempDb();
});
afterAll(async () => {
  await temp.destroy();
});

const PASSWORD = "correct horse battery staple";

async function run(args: string[], password = PASSWORD) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const io: CommandIo = {
    readPassword: async (prompt) => {
      asked.push(prompt);
      return password;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  const code = await runNewsroomCommand(args, temp.store, io);
  return { code, out: out.join("\n"), err: err.join("\n"), asked };
}

// better-auth's tables are not in the typed schema (lib/news/sql/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const authDb = () => temp.store.authDatabase().db as Kysely<any>;
const config = () => readConfig();

describe("npm run newsroom", () => {
  it("adds a user whose password then signs in, hashed (never stored as typed), and logs it", async () => {
    const made = await run([
      "add-user",
      "Kim@Example.com",
      "--role",
      "editor",
      "--name",
      "Kim Editor",
    ]);
    expect(made).toMatchObject({ code: EXIT.ok, asked: ["Password for Kim@Example.com: "] });
    expect(made.out).toMatch(/Made editor kim@example\.com \(Kim Editor\)/);
    const auth = makeAuth(temp.store, config());
    const signed = await auth.api.signInEmail({
      body: { email: "kim@example.com", password: PASSWORD },
    });
    expect(signed.user).toMatchObject({ email: "kim@example.com", role: "editor" });
    const stored = await authDb().selectFrom("auth_account").select("password").execute();
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    const log = await temp.store.newsroom().auditLog({ before: null, limit: 5 });
    expect(log[0]).toMatchObject({ action: "user-created", actorEmail: "command line" });
    expect(log[0]!.detail).toMatchObject({ email: "kim@example.com", role: "editor" });
  });

  it("refuses a duplicate, a weak password, a bad role and bad usage with distinct statuses", async () => {
    expect((await run(["add-user", "kim@example.com", "--role", "writer"])).code).toBe(EXIT.exists);
    const weak = await run(["add-user", "new@example.com", "--role", "writer"], "short");
    expect(weak).toMatchObject({ code: EXIT.usage });
    expect(weak.err).toMatch(/at least 12 characters/);
    expect((await run(["add-user", "new@example.com", "--role", "owner"])).err).toMatch(
      /writer, editor or admin/,
    );
    expect((await run(["add-user", "new@example.com"])).code).toBe(EXIT.usage);
    expect((await run(["add-user", "not-an-email", "--role", "writer"])).code).toBe(EXIT.usage);
    expect((await run(["frobnicate"])).code).toBe(EXIT.usage);
    expect((await run(["list-users"])).out).not.toMatch(/new@example\.com/);
  });

  it("resets a password: the old one stops working and the account's sessions end", async () => {
    const auth = makeAuth(temp.store, config());
    const before = await auth.api.signInEmail({
      body: { email: "kim@example.com", password: PASSWORD },
    });
    const reset = await run(["set-password", "kim@example.com"], "a different long passphrase");
    expect(reset.code).toBe(EXIT.ok);
    await expect(
      auth.api.signInEmail({ body: { email: "kim@example.com", password: PASSWORD } }),
    ).rejects.toThrow();
    const sessions = await authDb()
      .selectFrom("auth_session")
      .select("token")
      .where("token", "=", before.token)
      .execute();
    expect(sessions).toEqual([]);
    expect((await run(["set-password", "nobody@example.com"])).code).toBe(EXIT.unknown);
  });

  it("lists users with their role and two-factor state", async () => {
    const listed = await run(["list-users"]);
    expect(listed.out).toMatch(/kim@example\.com\s+editor\s+2FA off\s+Kim Editor/);
  });
});
