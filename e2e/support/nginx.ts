import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { renderStandaloneConf } from "../../scripts/nginx/render";
import { E2E_DIST_DIR, E2E_HOST, E2E_PORT, PROJECT_ROOT } from "./env";

/** Debian's nginx, which .ci/run installs when it is missing. */
export const NGINX = "/usr/sbin/nginx";

/** An nginx of a test's own, rendered from deploy/nginx/herald.conf. */
export type TestNginx = {
  /** Its origin: http://127.0.0.1:PORT. */
  url: string;
  /** Renders the configuration again with other upstreams and reloads it (the cache stays). */
  reload(upstreams: string[]): Promise<void>;
  /** Stops it and deletes its folder. */
  stop(): Promise<void>;
};

/**
 * Starts nginx in the foreground on `port` (one derived from E2E_PORT), in front of `upstreams`
 * (HOST:PORT each), with its configuration, logs, temporary files and cache in a fresh temporary
 * folder, serving files from this checkout's public/ and the suite's build. Resolves once it
 * answers; throws with its error log when it does not start.
 */
export async function startNginx(port: number, upstreams: string[]): Promise<TestNginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), `herald-nginx-${E2E_PORT}-`));
  fs.mkdirSync(path.join(prefix, "temp"));
  const confPath = path.join(prefix, "nginx.conf");
  const write = (to: string[]) =>
    fs.writeFileSync(
      confPath,
      renderStandaloneConf(prefix, {
        root: PROJECT_ROOT,
        distDir: E2E_DIST_DIR,
        upstreams: to,
        listen: [`${E2E_HOST}:${port}`],
        upstreamHeader: true,
      }),
    );
  write(upstreams);
  const pidFile = path.join(prefix, "nginx.pid");
  const args = ["-p", prefix, "-c", confPath, "-g", `daemon off; pid ${pidFile};`];
  const test = spawnSync(NGINX, ["-t", ...args.slice(0, 4), "-g", `pid ${pidFile};`], {
    encoding: "utf8",
  });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);

  const child: ChildProcess = spawn(NGINX, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const url = `http://${E2E_HOST}:${port}`;
  const errorLog = () => {
    const file = path.join(prefix, "error.log");
    return `${stderr}${fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""}`;
  };
  const until = Date.now() + 10_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > until)
      throw new Error(`nginx did not start on ${url}:\n${errorLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    async reload(to) {
      write(to);
      const before = workerPids(child.pid!);
      child.kill("SIGHUP");
      // The new configuration is in force once every old worker has gone.
      const deadline = Date.now() + 10_000;
      while (workerPids(child.pid!).some((pid) => before.includes(pid))) {
        if (Date.now() > deadline) throw new Error(`nginx did not reload:\n${errorLog()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** The pids of the worker processes of the nginx master `pid`. */
function workerPids(pid: number): number[] {
  const out = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  return out.stdout.split("\n").filter(Boolean).map(Number);
}

async function answers(url: string): Promise<boolean> {
  return (await rawGet(url, "/images/logo.png").catch(() => null))?.status === 200;
}

/** A response as it came over the wire: nothing decompressed, no cookies, no redirects. */
export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** GETs `path` from `origin` with exactly `headers` (Node's own http client). */
export function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, origin), { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${path} timed out`)));
  });
}
