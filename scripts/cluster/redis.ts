import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { Child } from "./child";

/** The cache's memory bound: the least recently used entries go first beyond it. */
export const REDIS_MAXMEMORY = "512mb";

/**
 * A Redis of the cluster's or the benchmark's own on 127.0.0.1:`port` (never the machine's
 * service: the fault tests stop and start it), its log and working files in `dir`, bounded as
 * docs/deploy.md tells an operator to bound theirs (`maxmemory` with `volatile-lru`: the
 * refresh times, which never expire, are never evicted), keeping nothing on disk: it is a cache.
 */
export class OwnRedis {
  private readonly child: Child;

  constructor(
    dir: string,
    readonly port: number,
  ) {
    this.child = new Child({
      name: "redis-server",
      command: "redis-server",
      args: [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--maxmemory",
        REDIS_MAXMEMORY,
        "--maxmemory-policy",
        "volatile-lru",
        "--dir",
        dir,
      ],
      log: path.join(dir, "redis.log"),
    });
  }

  /** Its URL, for HERALD_REDIS_URL. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The running server's process id, or null. */
  get pid(): number | null {
    return this.child.pid;
  }

  /** Starts it and waits until it answers PING; throws when another Redis holds the port. */
  async start(): Promise<void> {
    if (await pingRedis(this.port)) throw new Error(`a Redis already answers on port ${this.port}`);
    await this.child.start(() => pingRedis(this.port), 15_000);
  }

  /** Stops it, or whichever Redis now answers on its port (a test may have started it again). */
  async stop(): Promise<void> {
    await this.child.stop();
    await redisCommand(this.port, "SHUTDOWN NOSAVE").catch(() => undefined);
  }
}

/** Whether redis-server is installed (on PATH). */
export function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { encoding: "utf8" }).status === 0;
}

/** Whether a Redis answers PING on 127.0.0.1:`port` within a second. */
export async function pingRedis(port: number): Promise<boolean> {
  return (await redisCommand(port, "PING").catch(() => null)) === "PONG";
}

/**
 * Sends one inline command (words separated by spaces) to the Redis on 127.0.0.1:`port` and
 * resolves with its one-line answer without the type mark ("PONG", "42"); rejects on an error
 * answer, a refused connection or no answer within a second. SHUTDOWN resolves with "".
 */
export function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => socket.write(`${command}\r\n`));
    let answered = false;
    const done = (error: Error | null, answer = "") => {
      if (answered) return;
      answered = true;
      socket.destroy();
      if (error) reject(error);
      else resolve(answer);
    };
    socket.setTimeout(1_000, () => done(new Error(`Redis on ${port}: no answer to ${command}`)));
    socket.on("data", (data) => {
      const line = data.toString().split("\r\n")[0]!;
      if (line.startsWith("-")) done(new Error(`Redis on ${port}: ${line.slice(1)}`));
      else done(null, line.slice(1));
    });
    socket.on("close", () => done(null));
    socket.on("error", (error) => done(error));
  });
}
