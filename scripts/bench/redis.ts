import { spawn, spawnSync } from "node:child_process";
import net from "node:net";

/** A redis-server of the benchmark's own. */
export type BenchRedis = { url: string; stop: () => Promise<void> };

/** Whether redis-server is installed (on PATH). */
export function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { encoding: "utf8" }).status === 0;
}

/** Resolves with whether something on 127.0.0.1:`port` answers Redis's PING with PONG. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => {
      resolve(d.toString().startsWith("+PONG"));
      socket.destroy();
    });
    socket.on("error", () => resolve(false));
    socket.on("close", () => resolve(false));
  });
}

/**
 * Starts redis-server on 127.0.0.1:`port` as a shared page cache is run (docs/caching.md): in
 * memory only (`--save "" --appendonly no`), at most 512 MB, evicting entries that expire first
 * (`volatile-lru`). Resolves once it answers PING; throws when the port is taken or it does
 * not start within 10 s.
 */
export async function startRedis(port: number): Promise<BenchRedis> {
  if (await pong(port)) throw new Error(`a Redis already answers on port ${port}`);
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--maxmemory",
      "512mb",
      "--maxmemory-policy",
      "volatile-lru",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 10_000;
  while (!(await pong(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}
