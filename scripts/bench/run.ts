/**
 * `npm run bench`: how fast Herald is at a million articles, against the budgets of issue 6.
 * See docs/performance.md, "The benchmark", for what each figure means. Options (all optional):
 *   --articles N  --views N  --seed N   the data set (default 1,000,000 / 10,000,000 / 42)
 *   --fresh                             rebuild the data set even if one with the same options exists
 *   --seconds N  --connections N        each autocannon run (default 10 s, 10 connections)
 *   --http-rounds N                     autocannon runs per URL, round-robin (default 3; medians)
 *   --encoding browser|identity         what the HTTP runs' requests accept (default browser:
 *                                       `Accept-Encoding: gzip, deflate, br`, so Next.js
 *                                       compresses each page; identity: uncompressed, as from
 *                                       a CDN that compresses at the edge). The static file and
 *                                       the bare-server reference are fetched the same way.
 *   --lighthouse-runs N                 Lighthouse runs per page (default 5; medians are reported)
 *   --calls N                           timed calls per data-layer query (default 500)
 * Writes bench-results/bench-TIMESTAMP.json (and latest.json), prints tables, and exits 1 when a
 * budget is missed (2 when the benchmark itself fails).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../../lib/config";
import { openBenchmarkStore } from "../../lib/news/bench";
import { setUpStore } from "../../lib/news/setup";
import { frontPagePath } from "../../lib/urls";
import { chromiumPath } from "../../e2e/support/env";
import { checkBudgets, type BenchFigures } from "./budgets";
import { timeDataLayer } from "./data-layer";
import { measureBareServer } from "./bare-server";
import { buildDataset } from "./dataset";
import { writeEmptyApp } from "./empty-app";
import { checkHeaders } from "./headers";
import { acceptEncoding, loadInRounds, parseEncoding } from "./http-load";
import { runLighthouse } from "./lighthouse";
import { measurePageWeights } from "./page-weight";
import { formatReport } from "./report";
import { timeSearch } from "./search-timing";
import { nextBuild, nextStart, type RunningServer } from "./server";
import { warmFileCache } from "./warm-cache";

const root = path.resolve(import.meta.dirname, "..", "..");
const work = path.join(root, ".bench");
const PORT = 3300;
const EMPTY_PORT = 3301;
const DRAFT_SECRET = "bench-preview-secret-0123456789abcdef";

const log = (line: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "1000000" },
      views: { type: "string", default: "10000000" },
      seed: { type: "string", default: "42" },
      fresh: { type: "boolean", default: false },
      seconds: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      "http-rounds": { type: "string", default: "3" },
      // No default here: parseEncoding's absent value is the default ("browser").
      encoding: { type: "string" },
      "lighthouse-runs": { type: "string", default: "5" },
      calls: { type: "string", default: "500" },
      "deep-page": { type: "string", default: "2000" },
    },
  });
  const int = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  return {
    articles: int("articles"),
    views: int("views"),
    seed: int("seed"),
    fresh: values.fresh === true,
    seconds: int("seconds"),
    connections: int("connections"),
    httpRounds: int("http-rounds"),
    encoding: parseEncoding(values.encoding),
    lighthouseRuns: int("lighthouse-runs"),
    calls: int("calls"),
    deepPage: int("deep-page"),
  };
}

async function main(): Promise<number> {
  const o = options();
  const chromePath = chromiumPath();
  const dbFile = path.join(work, `herald-${o.articles}.db`);

  log("data set…");
  const dataset = await buildDataset(
    dbFile,
    { articles: o.articles, views: o.views, seed: o.seed, generatorVersion: 2 },
    { fresh: o.fresh, log },
  );
  log(`import: ${Math.round(dataset.importedPerSecond)} articles/s`);

  const bench = openBenchmarkStore(dbFile);
  await bench.store.migrate();
  const warmStarted = performance.now();
  const warmBytes = await warmFileCache(dbFile);
  log(
    `read the database once (${(warmBytes / 1e9).toFixed(1)} GB in ${((performance.now() - warmStarted) / 1000).toFixed(0)} s) so the OS caches it` +
      (warmBytes > os.totalmem() * 0.8
        ? ": it is larger than this machine's memory, so timings include disk reads"
        : ""),
  );
  // The data describe the instant they were generated for (the newest story, the end of the
  // page views): time the queries at that instant, so a reused data set measures the same thing.
  const now = dataset.now;
  const { timings: dataLayer, deepFront } = await timeDataLayer(bench, now, {
    calls: o.calls,
    deepPage: o.deepPage,
    log,
  });
  const search = await timeSearch(bench.store, now, { calls: o.calls, log });
  const { article, draftId } = await bench.samples("bench-");
  await bench.close();

  const env = (file: string, dist: string) => ({
    HERALD_DATABASE_PATH: file,
    HERALD_DIST_DIR: dist,
    HERALD_SITE_URL: `http://127.0.0.1:${PORT}`,
    DRAFT_SECRET,
  });
  log("building on the default content…");
  const defaultDb = path.join(work, "default-content.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${defaultDb}${suffix}`, { force: true });
  // The set-up step, as `npm run build` runs it first (not part of the build's time).
  await setUpStore({ config: readConfig({ ...process.env, HERALD_DATABASE_PATH: defaultDb }) });
  const defaultContentSeconds = await nextBuild(
    root,
    env(defaultDb, ".next-bench-default"),
    ".next-bench-default",
  );
  log("building on the data set…");
  const benchSeconds = await nextBuild(root, env(dbFile, ".next-bench"), ".next-bench");
  log("building the empty page…");
  const emptyDir = writeEmptyApp(path.join(work, "empty-app"));
  await nextBuild(emptyDir, {});

  const servers: RunningServer[] = [];
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      void Promise.all(servers.map((server) => server.stop())).finally(() => process.exit(130));
    });
  try {
    const herald = await nextStart(root, env(dbFile, ".next-bench"), PORT);
    servers.push(herald);
    const emptyApp = await nextStart(emptyDir, {}, EMPTY_PORT);
    servers.push(emptyApp);
    const articlePath = `/article/${article.id}/${article.slug}`;
    const pages = [
      { name: "home", path: "/" },
      { name: "section front", path: "/national" },
      { name: "article", path: articlePath },
    ];

    log("headers…");
    const headers = await checkHeaders(
      herald.url,
      [
        ...pages,
        { name: "section front, deep page", path: frontPagePath(deepFront.path, deepFront.before) },
      ],
      { secret: DRAFT_SECRET, draftId },
    );

    const loadTargets = [
      { name: "static file", path: "/images/logo.png" },
      { name: "article", path: articlePath },
      { name: "section front", path: "/national" },
      {
        name: `section front, page ${deepFront.page}`,
        path: frontPagePath(deepFront.path, deepFront.before),
      },
      { name: "home", path: "/" },
      { name: "most popular rail (JSON)", path: "/api/rails/most-popular" },
    ];
    log(`HTTP runs send Accept-Encoding: ${acceptEncoding(o.encoding)} (--encoding ${o.encoding})`);
    const http = await loadInRounds(herald.url, loadTargets, {
      seconds: o.seconds,
      connections: o.connections,
      encoding: o.encoding,
      rounds: o.httpRounds,
      log,
    });
    const staticRate = http[0]!.requestsPerSecond;
    for (const h of http) h.ratioToStatic = h.requestsPerSecond / staticRate;
    const bareServer = await measureBareServer(
      herald.url,
      loadTargets.slice(0, 5),
      new Map(http.map((h) => [h.path, h.requestsPerSecond])),
      { seconds: o.seconds, connections: o.connections, encoding: o.encoding, log },
    );

    log("page weight…");
    const weightPages = [
      ...pages.map((p) => ({ name: p.name, url: `${herald.url}${p.path}` })),
      { name: "empty page", url: `${emptyApp.url}/` },
    ];
    const weights = await measurePageWeights(weightPages, chromePath);

    log("lighthouse…");
    const lighthouse = await runLighthouse(weightPages, {
      runs: o.lighthouseRuns,
      chromePath,
      log,
    });

    const figures: BenchFigures = {
      dataset,
      dataLayer,
      budgetedQueries: dataLayer
        .filter((t) => !t.name.includes("ranked afresh"))
        .map((t) => t.name),
      search,
      builds: { defaultContentSeconds, benchSeconds },
      httpEncoding: o.encoding,
      http,
      bareServer,
      headers,
      weights,
      lighthouse,
    };
    const budgets = checkBudgets(figures);
    const resultsDir = path.join(root, "bench-results");
    fs.mkdirSync(resultsDir, { recursive: true });
    const measuredAt = new Date().toISOString();
    const json = JSON.stringify({ measuredAt, options: o, ...figures, budgets }, null, 2);
    const file = path.join(resultsDir, `bench-${measuredAt.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, json);
    fs.writeFileSync(path.join(resultsDir, "latest.json"), json);
    console.log(formatReport(figures, budgets));
    console.log(`\nFigures: ${path.relative(root, file)}`);
    return budgets.every((b) => b.pass !== false) ? 0 : 1;
  } finally {
    for (const server of servers) await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(2);
  },
);
