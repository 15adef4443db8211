import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_DIST_DIR, PROJECT_ROOT } from "./env";

/**
 * One production server (server.mjs) on the suite's build, started by a spec on a port of its
 * own beside E2E_PORT, with the environment it is given: several of them play the instances of
 * one site (e2e/shared-cache/). Its output is kept for the test's assertions and failures.
 */
export class Instance {
  private child: ChildProcess | null = null;
  private output = "";
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the server printed, across its restarts. */
  log(): string {
    return this.output;
  }

  /** Starts the server and waits until it answers `/` (any status); throws with its log otherwise. */
  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, "server.mjs"), "-p", String(this.port), "-H", "127.0.0.1"],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, HERALD_DIST_DIR: E2E_DIST_DIR, HERALD_QUERY_LOG: "", ...this.env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    this.child = child;
    child.stdout?.on("data", (chunk) => (this.output += chunk));
    child.stderr?.on("data", (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${this.output}`);
      try {
        await fetch(`${this.url}/`, { redirect: "manual" });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error(`the server did not answer within 60 s:\n${this.output}`);
  }

  /** Stops the server (SIGTERM) and waits for it to exit; resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.child && this.child.exitCode === null) this.child.kill("SIGTERM");
    const code = await this.exited;
    this.child = null;
    return code;
  }

  /** GET `url` on this instance, redirects not followed. */
  get(url: string): Promise<Response> {
    return fetch(`${this.url}${url}`, { redirect: "manual" });
  }
}
