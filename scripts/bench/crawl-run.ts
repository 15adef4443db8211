/**
 * `npm run bench:crawl`: the server's memory while a search engine walks every article once.
 * Generates (or reuses) a data set in .bench/, builds the site into .next-crawl when that build
 * is missing, starts it with a bounded heap, requests every article its sitemaps list once, 8 at a time,
 * and prints the resident size every 1,000 articles (docs/performance.md, "Memory under a crawl").
 * Options (all optional):
 *   --articles N    stories in the data set and articles crawled (default 20,000)
 *   --heap MB       the server's --max-old-space-size (default 1024)
 *   --cache-mb MB   HERALD_CACHE_MB, the page and data cache (default 256)
 *   --concurrency N requests at a time (default 8)
 *   --rebuild       build the site again even if .next-crawl exists
 * Exits 1 when the server dies or its memory does not level off.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { crawl, levelsOff, sitemapArticlePaths } from "./crawl";
import { buildDataset } from "./dataset";
import { sqliteTarget } from "./dataset-target";
import { nextBuild, nextStart } from "./server";

const root = path.resolve(import.meta.dirname, "..", "..");
const PORT = 3302;
const log = (line: string) =>
  console.error(`[crawl ${new Date().toISOString().slice(11, 19)}] ${line}`);

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "20000" },
    heap: { type: "string", default: "1024" },
    "cache-mb": { type: "string", default: "256" },
    concurrency: { type: "string", default: "8" },
    rebuild: { type: "boolean", default: false },
  },
});
const number = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const articles = number("articles");
const heap = number("heap");
const cacheMb = number("cache-mb");
const concurrency = number("concurrency");

const dbFile = path.join(root, ".bench", `crawl-${articles}.db`);
fs.mkdirSync(path.dirname(dbFile), { recursive: true });
log(`data set: ${articles.toLocaleString("en")} stories (${dbFile})…`);
await buildDataset(
  sqliteTarget(dbFile),
  { articles, views: articles * 10, seed: 42, generatorVersion: 2 },
  { log },
);
const env = {
  HERALD_DATABASE_PATH: dbFile,
  HERALD_DIST_DIR: ".next-crawl",
  HERALD_SITE_URL: `http://127.0.0.1:${PORT}`,
  HERALD_CACHE_MB: String(cacheMb),
};
if (values.rebuild || !fs.existsSync(path.join(root, ".next-crawl", "BUILD_ID"))) {
  log("building into .next-crawl…");
  await nextBuild(root, env, ".next-crawl");
}

const server = await nextStart(root, env, PORT, [`--max-old-space-size=${heap}`]);
try {
  const paths = await sitemapArticlePaths(server.url);
  log(
    `crawling ${paths.length.toLocaleString("en")} articles, ${concurrency} at a time, heap ${heap} MB, cache ${cacheMb} MB…`,
  );
  console.log("articles  RSS MB  seconds");
  const result = await crawl({
    baseUrl: server.url,
    paths,
    pid: server.pid,
    concurrency,
    onSample: (s) =>
      console.log(
        `${String(s.articles).padStart(8)}  ${String(s.rssMb).padStart(6)}  ${String(s.seconds).padStart(7)}`,
      ),
  });
  const last = result.samples.at(-1)!;
  const peak = Math.max(...result.samples.map((s) => s.rssMb));
  console.log(
    `\nanswers ${JSON.stringify(result.statuses)}, no answer ${result.failures}; ` +
      `peak RSS ${peak} MB, last ${last.rssMb} MB; ${Math.round(last.articles / last.seconds)} articles/s; ` +
      (result.died
        ? "the server DIED"
        : levelsOff(result.samples)
          ? "memory levelled off"
          : "memory did NOT level off"),
  );
  process.exitCode = result.died || !levelsOff(result.samples) ? 1 : 0;
} finally {
  await server.stop();
}
