import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/** What to run: the program, its arguments, its environment and the file its output goes to. */
export type ChildSpec = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  log: string;
};

/**
 * One long-running process of the cluster (an instance, Redis, nginx), with its output appended
 * to its own log file. `start` resolves once `ready()` is true (polled), and rejects with the
 * end of the log when the process exits first or `timeoutMs` passes.
 */
export class Child {
  private process: ChildProcess | null = null;
  private exit: Promise<void> = Promise.resolve();

  constructor(readonly spec: ChildSpec) {}

  /** The running process's id, or null. */
  get pid(): number | null {
    return this.process?.exitCode === null ? (this.process.pid ?? null) : null;
  }

  /** Starts the process and waits until `ready()` answers true. */
  async start(ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const { command, args, env, cwd, log, name } = this.spec;
    const out = fs.openSync(log, "a");
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", out, out], detached: false });
    fs.closeSync(out);
    this.process = child;
    this.exit = new Promise((resolve) => child.once("exit", () => resolve()));
    const until = Date.now() + timeoutMs;
    while (!(await ready().catch(() => false))) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${name} exited on starting:\n${tail(log)}`);
      if (Date.now() > until) {
        await this.stop();
        throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${tail(log)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after `graceMs`) and waits for it to end. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}

/** The last lines of a log file, for an error message. */
export function tail(file: string, lines = 30): string {
  if (!fs.existsSync(file)) return "(no output)";
  return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
