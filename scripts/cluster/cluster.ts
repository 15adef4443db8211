import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderStandaloneConf } from "../nginx/render";
import { Child } from "./child";
import { OwnPostgres } from "./postgres";
import { OwnRedis } from "./redis";
import { clusterSecrets } from "./secrets";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next", { paths: [ROOT] });
const tsxBin = path.join(ROOT, "node_modules", ".bin", "tsx");

/** How to start a cluster: its base port, its folder, its build folder, whether to build. */
export type ClusterOptions = {
  /** nginx listens here; instance A and B on port+1 and +2, Redis +3, PostgreSQL +4. */
  port: number;
  /** Logs, secrets, PostgreSQL's data, nginx's cache and state.json (under data/, git-ignored). */
  dir: string;
  /** The one build both instances serve (HERALD_DIST_DIR). */
  distDir: string;
  /** Build afresh (false: reuse `distDir`, which must be a build made for this cluster). */
  build: boolean;
};

/** What a started cluster is, as the tests read it from `dir`/state.json. */
export type ClusterState = {
  nginx: string;
  instances: { name: string; url: string; pid: number | null }[];
  redis: { url: string; port: number };
  postgres: { url: string; port: number; dir: string };
  dir: string;
  distDir: string;
  /** The environment the instances run with (the command-line tools need it too). */
  env: Record<string, string>;
};

/**
 * Herald on one machine as on several: PostgreSQL and Redis of its own, two production servers
 * (`server.mjs`) of one build sharing both, and nginx in front with its cache
 * (deploy/nginx/herald.conf). `start` sets up the database (migrations, the default content),
 * builds unless told not to, starts everything, writes state.json and returns; on any failure it
 * stops what it started and throws with the failing part's log. `stop` stops everything.
 */
export class Cluster {
  private readonly postgres: OwnPostgres;
  private readonly redis: OwnRedis;
  private readonly instances: Child[] = [];
  private nginx: Child | null = null;

  private constructor(private readonly options: ClusterOptions) {
    this.postgres = new OwnPostgres(postgresDir(options.port), options.port + 4);
    this.redis = new OwnRedis(options.dir, options.port + 3);
  }

  /** Starts a cluster (see the class). */
  static async start(options: ClusterOptions): Promise<Cluster> {
    fs.mkdirSync(options.dir, { recursive: true });
    const cluster = new Cluster(options);
    try {
      await cluster.startAll();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** The state of the running cluster (see ClusterState). */
  state(): ClusterState {
    const { port, dir, distDir } = this.options;
    return {
      nginx: `http://127.0.0.1:${port}`,
      instances: this.instances.map((child, index) => ({
        name: child.spec.name,
        url: `http://127.0.0.1:${port + 1 + index}`,
        pid: child.pid,
      })),
      redis: { url: this.redis.url, port: this.redis.port },
      postgres: { url: this.postgres.url(), port: this.postgres.port, dir: postgresDir(port) },
      dir,
      distDir,
      env: this.env(),
    };
  }

  /** Stops nginx, the instances, Redis and PostgreSQL, whichever are running. */
  async stop(): Promise<void> {
    await this.nginx?.stop();
    await Promise.all(this.instances.map((child) => child.stop()));
    await this.redis.stop();
    await this.postgres.stop().catch((error: Error) => console.error(error.message));
  }

  /** The environment of every instance and command-line tool of this cluster. */
  env(): Record<string, string> {
    const { port, distDir } = this.options;
    return {
      NODE_ENV: "production",
      HERALD_DIST_DIR: distDir,
      HERALD_DATABASE_URL: this.postgres.url(),
      HERALD_REDIS_URL: this.redis.url,
      HERALD_SITE_URL: `http://127.0.0.1:${port}`,
      HERALD_SERVER_URL: `http://127.0.0.1:${port + 1}`,
      HERALD_COMPRESS: "0",
      HERALD_TRUSTED_PROXIES: "1",
      ...clusterSecrets(this.options.dir),
    };
  }

  private async startAll(): Promise<void> {
    const { port, dir, distDir } = this.options;
    await this.postgres.start();
    await this.redis.start();
    const env = { ...process.env, ...this.env() };
    step("set up the database", [tsxBin, path.join(ROOT, "scripts", "setup.ts")], env, dir);
    if (this.options.build) {
      // The build needs no cache of its own: what it renders is served by neither instance.
      const buildEnv = { ...env, HERALD_REDIS_URL: "" };
      step("build", [process.execPath, nextBin, "build"], buildEnv, dir);
    }
    for (const [index, name] of ["instance A", "instance B"].entries()) {
      const url = `http://127.0.0.1:${port + 1 + index}`;
      const child = new Child({
        name,
        command: process.execPath,
        args: [path.join(ROOT, "server.mjs"), "-p", String(port + 1 + index), "-H", "127.0.0.1"],
        env,
        cwd: ROOT,
        log: path.join(dir, `instance-${"ab"[index]}.log`),
      });
      this.instances.push(child);
      await child.start(() => answers(url), 120_000);
    }
    this.nginx = startNginx(dir, port, distDir);
    await this.nginx.start(() => answers(`http://127.0.0.1:${port}`, "/images/logo.png"), 15_000);
    fs.writeFileSync(path.join(dir, "state.json"), JSON.stringify(this.state(), null, 2), {
      mode: 0o600,
    });
  }
}

/**
 * Where the cluster on `port` keeps PostgreSQL's data and log: outside the checkout, under the
 * system's temporary folder, because PostgreSQL runs as the `postgres` user (never root), who
 * may not read a checkout in a private folder (/root, a `mktemp -d` folder).
 */
export function postgresDir(port: number): string {
  return path.join(os.tmpdir(), `herald-cluster-${port}`);
}

/** nginx of the cluster's own, in `dir`/nginx, in front of instances A and B. */
function startNginx(dir: string, port: number, distDir: string): Child {
  const prefix = path.join(dir, "nginx");
  fs.mkdirSync(path.join(prefix, "temp"), { recursive: true });
  const conf = path.join(prefix, "nginx.conf");
  const upstreams = [1, 2].map((n) => `127.0.0.1:${port + n}`);
  fs.writeFileSync(
    conf,
    renderStandaloneConf(prefix, { root: ROOT, distDir, upstreams, listen: [`127.0.0.1:${port}`] }),
  );
  const pid = path.join(prefix, "nginx.pid");
  return new Child({
    name: "nginx",
    command: "/usr/sbin/nginx",
    args: ["-p", prefix, "-c", conf, "-g", `daemon off; pid ${pid};`],
    log: path.join(dir, "nginx.log"),
  });
}

/** Runs one set-up step to its end, its output in `dir`/<step>.log; throws when it fails. */
function step(name: string, commandLine: string[], env: NodeJS.ProcessEnv, dir: string) {
  const [command, ...args] = commandLine as [string, ...string[]];
  console.log(`cluster: ${name}...`);
  const log = path.join(dir, `${name.replaceAll(" ", "-")}.log`);
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8" });
  fs.writeFileSync(log, `${result.stdout}${result.stderr}`);
  if (result.status !== 0)
    throw new Error(`cluster: ${name} failed (${log}):\n${result.stdout}${result.stderr}`);
}

/** Whether `url` answers `pathname` with 200 (any status for "/", which may redirect). */
async function answers(url: string, pathname = "/"): Promise<boolean> {
  const response = await fetch(`${url}${pathname}`, {
    redirect: "manual",
    signal: AbortSignal.timeout(5_000),
  });
  return pathname === "/" || response.ok;
}
