import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { OwnRedis } from "../cluster/redis";
import { nextStart, type RunningServer } from "./server";
import { loadUncached, type UncachedResult } from "./uncached";
import type { Encoding } from "./http-load";

/**
 * What several instances of one site share (lib/shared-settings.ts), fixed for the benchmark:
 * its build and every server it starts get them, so any instance may answer any request.
 */
export const BENCH_SHARED_SETTINGS = {
  DRAFT_SECRET: "bench-preview-secret-0123456789abcdef",
  REVALIDATE_SECRET: "bench-revalidate-secret-0123456789abcdef",
  HERALD_VIEW_SECRET: "bench-view-secret-0123456789abcdef0123",
  HERALD_AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123",
  // base64 of 32 bytes
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  HERALD_DEPLOYMENT_ID: "herald-bench",
};

/** The uncached render rate on one SQLite instance and on two instances over PostgreSQL. */
export type ClusterFigures = { uncached: UncachedResult[] };

/**
 * Renders the article pages `paths` (none cached yet) once each: first on the single SQLite
 * instance at `single`, then on two instances of the same build over the PostgreSQL data set
 * (`postgresUrl`) on `ports`, sharing a redis-server of the benchmark's own on `redisPort`,
 * the walk alternating between them. `env` is the single instance's environment (the shared
 * settings included). Stops what it started before it returns or throws.
 */
export async function measureUncachedRenders(options: {
  root: string;
  env: Record<string, string>;
  single: string;
  postgresUrl: string | null;
  ports: [number, number];
  redisPort: number;
  paths: string[];
  concurrency: number;
  encoding: Encoding;
  log: (line: string) => void;
}): Promise<ClusterFigures> {
  const { log } = options;
  const load = { concurrency: options.concurrency, encoding: options.encoding };
  log(`uncached: ${options.paths.length} articles on the SQLite instance…`);
  const uncached = [
    await loadUncached("SQLite, one instance", [options.single], options.paths, load),
  ];
  if (!options.postgresUrl) return { uncached };

  const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bench-redis-"));
  const redis = new OwnRedis(redisDir, options.redisPort);
  const servers: RunningServer[] = [];
  try {
    await redis.start();
    const env = {
      ...options.env,
      HERALD_DATABASE_URL: options.postgresUrl,
      HERALD_REDIS_URL: redis.url,
    };
    for (const port of options.ports) servers.push(await nextStart(options.root, env, port));
    log(`uncached: the same articles on two instances over PostgreSQL and Redis…`);
    uncached.push(
      await loadUncached(
        "PostgreSQL + Redis, two instances",
        servers.map((s) => s.url),
        options.paths,
        load,
      ),
    );
    return { uncached };
  } finally {
    for (const server of servers) await server.stop();
    await redis.stop();
    fs.rmSync(redisDir, { recursive: true, force: true });
  }
}
