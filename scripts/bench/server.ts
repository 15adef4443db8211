import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

/** Runs `next build` in `dir` with `env`; resolves with the seconds it took. Throws when it fails. */
export async function nextBuild(
  dir: string,
  env: Record<string, string>,
  distDir = ".next",
): Promise<number> {
  fs.rmSync(path.join(dir, distDir), { recursive: true, force: true });
  const started = performance.now();
  const output: string[] = [];
  const child = spawn(process.execPath, [nextBin, "build"], {
    cwd: dir,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed in ${dir}:\n${output.join("").slice(-4000)}`);
  return (performance.now() - started) / 1000;
}

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

/**
 * Starts the production server in `dir` on 127.0.0.1:`port` and resolves once it answers `/`:
 * Herald's own (`server.mjs`, what `npm start` runs) when `dir` has one, otherwise `next start`
 * (the empty app the figures are compared with). `nodeArgs` go to Node.js before the script
 * (`--max-old-space-size=1024`). Throws when it exits or does not answer within 60 s.
 */
export async function nextStart(
  dir: string,
  env: Record<string, string>,
  port: number,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const heraldServer = path.join(dir, "server.mjs");
  const command = fs.existsSync(heraldServer) ? [heraldServer] : [nextBin, "start"];
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url))
    throw new Error(`something already answers on ${url}: stop it first (an earlier server?)`);
  // Its own process group, so stop() ends the server and any process it forks together.
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, ...command, "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: dir,
      env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with ${child.exitCode} in ${dir}`);
    try {
      const response = await fetch(`${url}/`, { redirect: "manual" });
      if (response.status < 500) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server did not answer on ${url} within 60 s`);
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}
