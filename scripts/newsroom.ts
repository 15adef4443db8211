/**
 * `npm run newsroom -- add-user EMAIL --role writer|editor|admin [--name NAME]`,
 * `npm run newsroom -- set-password EMAIL`, `npm run newsroom -- list-users`: the newsroom's
 * staff accounts from the server's command line (docs/newsroom.md, "Creating the first admin").
 * The password is asked for on a terminal without echo, or read from standard input (its first
 * line) when that is not a terminal, so scripts and tests can pass it. Exit statuses in
 * lib/newsroom/auth/cli.ts. Uses HERALD_DATABASE_PATH / HERALD_DATABASE_URL like the site.
 */
import readline from "node:readline";
import { getStore } from "../lib/news/connect";
import { runNewsroomCommand } from "../lib/newsroom/auth/cli";
import { runCommand } from "./run-command";

/** Reads a password: from a terminal without echoing it, otherwise the first line of stdin. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let data = "";
    for await (const chunk of input) data += String(chunk);
    return data.split(/\r?\n/)[0] ?? "";
  }
  process.stderr.write(prompt);
  const rl = readline.createInterface({ input, output: process.stderr, terminal: true });
  // Nothing typed is echoed: readline writes through this, which shows nothing.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  const line = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return line;
}

runCommand("newsroom", async () =>
  runNewsroomCommand(process.argv.slice(2), await getStore(), {
    readPassword,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }),
);
