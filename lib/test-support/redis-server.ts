import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

/**
 * A redis-server of a test's own (never the machine's service): no persistence
 * (`--save "" --appendonly no`), bound to 127.0.0.1 on `port`, with keyspace notifications off
 * and `maxmemory` + `volatile-lru` as docs/caching.md asks. Tests kill, hang (SIGSTOP) and
 * restart it. Used by the unit tests of the Redis cache and by e2e/shared-cache.
 */
export class TestRedis {
  private child: ChildProcess | null = null;

  constructor(readonly port: number) {}

  /** The URL for HERALD_REDIS_URL. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server and resolves once it accepts connections; rejects after 10 s. */
  async start(): Promise<void> {
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--maxmemory",
        "64mb",
        "--maxmemory-policy",
        "volatile-lru",
      ],
      { stdio: "ignore" },
    );
    this.child = child;
    const until = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
      if (Date.now() > until) throw new Error(`redis-server did not start on ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Kills the server (SIGKILL, as a crash) and waits for it to exit. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGCONT"); // a hung server must wake to die
    child.kill("SIGKILL");
    await exited;
  }

  /** Hangs the server (SIGSTOP): connections stay open, nothing answers. */
  hang(): void {
    this.child?.kill("SIGSTOP");
  }

  /** Wakes a hung server (SIGCONT). */
  wake(): void {
    this.child?.kill("SIGCONT");
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A free TCP port on 127.0.0.1, as the system picks one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
