import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { crawl, levelsOff, sitemapArticlePaths } from "../../scripts/bench/crawl";
import { buildDataset } from "../../scripts/bench/dataset";
import { sqliteTarget } from "../../scripts/bench/dataset-target";
import { E2E_DB_DIR, E2E_DIST_DIR, E2E_ON_POSTGRES, E2E_PORT, PROJECT_ROOT } from "../support/env";

test.skip(
  E2E_ON_POSTGRES,
  "measures the server on a generated SQLite file of its own; the same code path on both databases",
);

/**
 * Memory stays bounded while a search engine walks the site: the suite's production build, on a
 * generated database of 20,000 stories, with a 1 GB heap, crawled through its sitemaps, every
 * article once, 8 requests at a time. The server must answer them all and survive, and its
 * resident size must level off under a generous ceiling (it levels off near 650 MB). `npm run bench:crawl` prints the same
 * figures (docs/performance.md, "Memory under a crawl").
 */
const STORIES = 20_000;
const HEAP_MB = 1024;
const CEILING_MB = 1_200;
/** Its own server's port, beside the suite's (E2E_PORT), so checkouts side by side never share one. */
const PORT = E2E_PORT + 22;
const CRAWL_DIR = path.join(E2E_DB_DIR, "crawl");

test.setTimeout(45 * 60_000);

test.afterAll(() => fs.rmSync(CRAWL_DIR, { recursive: true, force: true }));

test(`a crawl of ${STORIES.toLocaleString("en")} articles with a ${HEAP_MB} MB heap: the server survives and its memory levels off`, async () => {
  const database = path.join(CRAWL_DIR, "herald.db");
  fs.mkdirSync(CRAWL_DIR, { recursive: true });
  await buildDataset(sqliteTarget(database), {
    articles: STORIES,
    views: 50_000,
    seed: 7,
    generatorVersion: 2,
  });

  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, "server.mjs", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        HERALD_DATABASE_PATH: database,
        HERALD_DIST_DIR: E2E_DIST_DIR,
        HERALD_SITE_URL: `http://127.0.0.1:${PORT}`,
        HERALD_QUERY_LOG: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${PORT}`;
  try {
    for (let tries = 0; ; tries++) {
      expect(child.exitCode, log).toBeNull();
      const ready = await fetch(`${baseUrl}/`).then(
        () => true,
        () => false,
      );
      if (ready) break;
      expect(tries, "the server answers within a minute").toBeLessThan(300);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const paths = await sitemapArticlePaths(baseUrl);
    expect(paths.length).toBeGreaterThanOrEqual(STORIES);
    const result = await crawl({
      baseUrl,
      paths,
      pid: child.pid!,
      concurrency: 8,
      onSample: (s) =>
        console.log(`crawl: ${s.articles} articles, RSS ${s.rssMb} MB, ${s.seconds} s`),
    });

    expect(result.died, log).toBe(false);
    expect(child.exitCode, log).toBeNull();
    expect(result.failures).toBe(0);
    expect(result.statuses).toEqual({ 200: paths.length });
    const peak = Math.max(...result.samples.map((s) => s.rssMb));
    expect(peak, "peak resident size (MB)").toBeLessThan(CEILING_MB);
    expect(levelsOff(result.samples), JSON.stringify(result.samples)).toBe(true);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
});
