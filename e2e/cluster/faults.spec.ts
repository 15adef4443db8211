import { expect, test } from "@playwright/test";
import { OwnPostgres } from "../../scripts/cluster/postgres";
import { OwnRedis, pingRedis, redisCommand } from "../../scripts/cluster/redis";
import { CLUSTER_DIR, clusterState, get, within } from "./support";

/**
 * The cluster keeps serving when a part of it fails (docs/deploy.md, "Several boxes"): Redis
 * stopped, PostgreSQL restarted, an instance killed under load. Each fault is bounded in time,
 * on the cluster's own servers (never the machine's services). The instance is killed last.
 */

test.describe.configure({ mode: "serial" });

/** Some of the site's pages, to ask for in turn. */
async function samplePages(origin: string): Promise<string[]> {
  const home = await (await get(`${origin}/`)).text();
  const articles = [...home.matchAll(/href="(\/article\/\d+\/[^"]+)"/g)].map((m) => m[1]!);
  return ["/", "/national", "/business", "/world", ...new Set(articles)].slice(0, 24);
}

test("with Redis stopped the instances keep answering 200; when it returns, caching resumes", async () => {
  test.setTimeout(120_000);
  const { instances, redis } = clusterState();
  const pages = await samplePages(instances[0]!.url);
  await redisCommand(redis.port, "SHUTDOWN NOSAVE").catch(() => undefined);
  expect(await pingRedis(redis.port)).toBe(false);

  for (const [index, page] of pages.entries()) {
    const origin = instances[index % 2]!.url;
    const started = Date.now();
    const response = await get(`${origin}${page}?redis-down=${index}`, 5_000);
    expect(response.status, `${origin}${page}`).toBe(200);
    expect(Date.now() - started, `${origin}${page} answered without waiting on Redis`).toBeLessThan(
      3_000,
    );
  }

  const again = new OwnRedis(CLUSTER_DIR, redis.port);
  await again.start();
  const before = Number(await redisCommand(redis.port, "DBSIZE"));
  const took = await within(15_000, "entries in Redis again", async () => {
    await get(`${instances[0]!.url}/world`);
    return Number(await redisCommand(redis.port, "DBSIZE")) > before;
  });
  console.log(`cluster: caching resumed ${took} ms after Redis returned`);
});

test("PostgreSQL restarted: readers get cached pages or a clear 503, never a hang; the instances reconnect", async () => {
  test.setTimeout(120_000);
  const { nginx, instances, postgres } = clusterState();
  const pages = await samplePages(nginx);
  for (const page of pages) await get(`${nginx}${page}`); // in nginx's cache

  const database = new OwnPostgres(postgres.dir, postgres.port);
  await database.stop();
  try {
    for (const page of pages) {
      const response = await get(`${nginx}${page}`, 5_000);
      expect([200, 503], `${page} through nginx`).toContain(response.status);
    }
    // Never rendered before, so only the database could answer: a clear 503 page, at once.
    const uncached = await get(`${instances[0]!.url}/search?q=outage${Date.now()}`, 5_000);
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get("retry-after")).not.toBeNull();
  } finally {
    await database.start();
  }
  const took = await within(30_000, "an instance reading the database again", async () => {
    const response = await get(`${instances[1]!.url}/search?q=back${Date.now()}`);
    return response.status === 200;
  });
  console.log(`cluster: the instances read the database again ${took} ms after it returned`);
});

test("instance A killed during a steady load: readers through nginx get no errors", async () => {
  test.setTimeout(120_000);
  const { nginx, instances } = clusterState();
  const pages = await samplePages(nginx);
  const statuses = new Map<number, number>();
  let failures = 0;
  const until = Date.now() + 12_000;
  // Cached pages, and searches, which nginx never stores, so half the load reaches A or B.
  const paths = pages.flatMap((page, i) => [
    page,
    `/search?q=${["seoul", "election", "court"][i % 3]}`,
  ]);
  const reader = async (offset: number) => {
    for (let i = offset; Date.now() < until; i += 1) {
      try {
        const response = await get(`${nginx}${paths[i % paths.length]}`, 10_000);
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      } catch {
        failures += 1;
      }
    }
  };
  const load = Promise.all([0, 1, 2, 3].map(reader));
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  process.kill(instances[0]!.pid!, "SIGKILL");
  await load;

  const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `cluster: ${total} requests while A died: ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  expect(failures).toBe(0);
  expect([...statuses.keys()]).toEqual([200]);
  expect(total).toBeGreaterThan(50);
  await expect(get(instances[0]!.url), "instance A is dead").rejects.toThrow();
});
