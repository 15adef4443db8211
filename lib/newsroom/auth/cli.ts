import { parseArgs } from "node:util";
import type { NewsStore } from "../../news/store";
import { addUser, listUsers, setPassword } from "./accounts";
import { makeAuth } from "./options";
import { readConfig } from "../../config";

/** What the command needs from its terminal: the password (asked without echo, or read from stdin), and two streams. */
export type CommandIo = {
  readPassword(prompt: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
};

/** Exit statuses of `npm run newsroom` (docs/newsroom.md). */
export const EXIT = { ok: 0, usage: 2, exists: 3, unknown: 4 } as const;

export const USAGE = `usage:
  npm run newsroom -- add-user EMAIL --role writer|editor|admin [--name NAME]
  npm run newsroom -- set-password EMAIL
  npm run newsroom -- list-users
The password is asked for on the terminal (not shown), or read from standard input.`;

/**
 * `npm run newsroom -- …` (scripts/newsroom.ts) on `store`: add-user, set-password (a reset,
 * which also ends the account's sessions) and list-users. Writes the audit log. Returns the exit
 * status: 0; 2 for bad usage, a bad email, name or role, or a weak password; 3 when the account
 * exists already; 4 for an unknown account.
 */
export async function runNewsroomCommand(
  args: string[],
  store: NewsStore,
  io: CommandIo,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: "string" }, name: { type: "string" } },
    });
  } catch (error) {
    io.err(`newsroom: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return EXIT.usage;
  }
  const [command, email, ...extra] = parsed.positionals;
  const auth = makeAuth(store, readConfig());
  if (command === "list-users" && !email) {
    const users = await listUsers(auth);
    if (users.length === 0) io.out("No staff accounts yet. Make the first admin with add-user.");
    for (const user of users)
      io.out(
        `${user.email.padEnd(32)} ${user.role.padEnd(7)} ${user.twoFactorEnabled ? "2FA on " : "2FA off"}  ${user.name}`,
      );
    return EXIT.ok;
  }
  if ((command === "add-user" || command === "set-password") && email && extra.length === 0) {
    if (command === "add-user" && !parsed.values.role) {
      io.err(`newsroom: add-user needs --role writer|editor|admin\n${USAGE}`);
      return EXIT.usage;
    }
    const password = await io.readPassword(`Password for ${email}: `);
    const outcome =
      command === "add-user"
        ? await addUser(
            auth,
            store,
            { email, name: parsed.values.name, role: parsed.values.role!, password },
            null,
          )
        : await setPassword(auth, store, email, password, null);
    if (!outcome.ok) {
      io.err(`newsroom: ${outcome.error}`);
      return outcome.code === "duplicate"
        ? EXIT.exists
        : outcome.code === "unknown"
          ? EXIT.unknown
          : EXIT.usage;
    }
    const user = outcome.value;
    io.out(
      command === "add-user"
        ? `Made ${user.role} ${user.email} (${user.name}).${user.role === "admin" ? " Sign in at /newsroom/sign-in and turn on two-factor: admins must." : ""}`
        : `New password set for ${user.email}; its sessions have ended.`,
    );
    return EXIT.ok;
  }
  io.err(USAGE);
  return EXIT.usage;
}
