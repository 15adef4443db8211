/**
 * `npm run bench`: how fast Herald is at a million articles, against the budgets of issue 6.
 * See docs/performance.md, "The benchmark", for what each figure means. Options (all optional):
 *   --articles N  --views N  --seed N   the data set (default 1,000,000 / 10,000,000 / 42)
 *   --fresh                             rebuild the data sets even if ones with the same options exist
 *   --backend sqlite|postgres|both      whose data layer and search are timed (default both):
 *                                       PostgreSQL's data set is the same stories, imported by the
 *                                       same importer into herald_bench_ARTICLES_VIEWS_SEED on
 *                                       127.0.0.1:5432 (skipped when it does not answer, unless
 *                                       asked for by name). The site itself always runs on SQLite.
 *   --seconds N  --connections N        each autocannon run (default 10 s, 10 connections)
 *   --http-rounds N                     autocannon runs per URL, round-robin (default 3; medians)
 *   --encoding browser|identity         what the HTTP runs' requests accept (default browser:
 *                                       `Accept-Encoding: gzip, deflate, br`, so Next.js
 *                                       compresses each page; identity: uncompressed, as from
 *                                       a CDN that compresses at the edge). The static file and
 *                                       the bare-server reference are fetched the same way.
 *   --lighthouse-runs N | --no-lighthouse  Lighthouse runs per page (default 5; medians), or none
 *   --calls N                           timed calls per data-layer query (default 500)
 *   --deep-page N                       how deep into a front the deep-page figures go (default 2000)
 *   --nginx | --no-nginx                the pages through nginx (default: when /usr/sbin/nginx exists)
 *   --no-cluster                        skip the uncached renders (one SQLite instance; two on
 *                                       PostgreSQL and a Redis of the benchmark's own)
 *   --uncached N                        articles rendered uncached on each (default 1000)
 *   --data-only                         stop after the data layer and search (no builds or HTTP)
 * Ports: HERALD_BENCH_PORT (default 3300) and ten above it (options.ts).
 * Writes bench-results/bench-TIMESTAMP.json (and latest.json), prints tables, and exits 1 when a
 * budget is missed (2 when the benchmark itself fails).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readConfig } from "../../lib/config";
import { openBenchmarkStore } from "../../lib/news/bench";
import { setUpStore } from "../../lib/news/setup";
import { frontPagePath } from "../../lib/urls";
import { chromiumPath } from "../../e2e/support/env";
import { checkBudgets, type BenchFigures } from "./budgets";
import { measureBareServer } from "./bare-server";
import { BENCH_SHARED_SETTINGS, measureUncachedRenders, type ClusterFigures } from "./cluster";
import { buildDataset } from "./dataset";
import * as targets from "./dataset-target";
import { writeEmptyApp } from "./empty-app";
import { checkHeaders } from "./headers";
import { acceptEncoding, loadInRounds } from "./http-load";
import { runLighthouse } from "./lighthouse";
import { measureThroughNginx, type NginxFigures } from "./nginx-run";
import { benchOptions, benchPort } from "./options";
import { measurePageWeights } from "./page-weight";
import { hasRedisServer } from "../cluster/redis";
import { formatReport } from "./report";
import { dataOnlyReport } from "./report-sections";
import { nextBuild, nextStart, type RunningServer } from "./server";
import { timeStore, type StoreFigures } from "./store-timings";
import { spreadIds } from "./uncached";
import { warmFileCache } from "./warm-cache";

const root = path.resolve(import.meta.dirname, "..", "..");
const work = path.join(root, ".bench");
const PORT = benchPort();

const log = (line: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<number> {
  const o = benchOptions();
  const chromePath = chromiumPath();
  const dbFile = path.join(work, `herald-${o.articles}.db`);
  const spec = { articles: o.articles, views: o.views, seed: o.seed, generatorVersion: 2 as const };
  const timing = { calls: o.calls, deepPage: o.deepPage, log };

  log("data set (SQLite)…");
  const dataset = await buildDataset(targets.sqliteTarget(dbFile), spec, { fresh: o.fresh, log });
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
  const sqlite = o.backends.includes("sqlite") ? await timeStore(bench, dataset, timing) : null;

  let postgres: StoreFigures | null = null;
  let postgresUrl: string | null = null;
  if (o.backends.includes("postgres")) {
    const server = targets.DEFAULT_POSTGRES_SERVER;
    if (await targets.postgresAnswers(server)) {
      log("data set (PostgreSQL)…");
      const target = targets.postgresTarget(server, targets.postgresDatasetName(spec), work);
      // The same stories at the same instant as the SQLite data set, so the timings compare.
      const pgDataset = await buildDataset(target, spec, { fresh: o.fresh, log, now: dataset.now });
      const pgWarmStarted = performance.now();
      const pgWarmBytes = await target.warm();
      log(
        `read the PostgreSQL database once (${(pgWarmBytes / 1e9).toFixed(1)} GB in ${((performance.now() - pgWarmStarted) / 1000).toFixed(0)} s) so the OS caches it`,
      );
      const pgBench = await target.open();
      try {
        postgres = await timeStore(pgBench, pgDataset, timing);
      } finally {
        await pgBench.close();
      }
      postgresUrl = target.label;
    } else if (o.postgresRequired) throw new Error(`PostgreSQL does not answer at ${server}`);
    else log(`PostgreSQL does not answer at ${server}: its figures are skipped`);
  }
  if (o.dataOnly) {
    await bench.close();
    console.log(dataOnlyReport(sqlite, postgres));
    return 0;
  }
  const deepFront = (sqlite ?? postgres)!.deepFront;
  const { article, draftId } = await bench.samples("bench-");
  const { first, last } = await bench.idRange("bench-");
  const uncachedPaths = await bench.publishedPaths(
    spreadIds(first, last, o.uncached, [article.id]),
  );
  await bench.close();

  const env = (file: string, dist: string) => ({
    ...BENCH_SHARED_SETTINGS,
    HERALD_DATABASE_PATH: file,
    HERALD_DIST_DIR: dist,
    HERALD_SITE_URL: `http://127.0.0.1:${PORT}`,
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
  const emptyDir = writeEmptyApp(path.join(os.tmpdir(), `herald-bench-empty-app-${PORT}`), root);
  await nextBuild(emptyDir, {});

  const servers: RunningServer[] = [];
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      void Promise.all(servers.map((server) => server.stop())).finally(() => process.exit(130));
    });
  try {
    const herald = await nextStart(root, env(dbFile, ".next-bench"), PORT);
    servers.push(herald);
    const emptyApp = await nextStart(emptyDir, {}, PORT + 1);
    servers.push(emptyApp);
    const articlePath = `/article/${article.id}/${article.slug}`;
    const deepPath = frontPagePath(deepFront.path, deepFront.before);
    const pages = [
      { name: "home", path: "/" },
      { name: "section front", path: "/national" },
      { name: "article", path: articlePath },
    ];

    log("headers…");
    const headers = await checkHeaders(
      herald.url,
      [...pages, { name: "section front, deep page", path: deepPath }],
      { secret: BENCH_SHARED_SETTINGS.DRAFT_SECRET, draftId },
    );

    const loadTargets = [
      { name: "static file", path: "/images/logo.png" },
      { name: "article", path: articlePath },
      { name: "section front", path: "/national" },
      { name: `section front, page ${deepFront.page}`, path: deepPath },
      { name: "home", path: "/" },
      { name: "most popular rail (JSON)", path: "/api/rails/most-popular" },
    ];
    const load = { seconds: o.seconds, connections: o.connections, encoding: o.encoding, log };
    log(`HTTP runs send Accept-Encoding: ${acceptEncoding(o.encoding)} (--encoding ${o.encoding})`);
    const http = await loadInRounds(herald.url, loadTargets, { ...load, rounds: o.httpRounds });
    const staticRate = http[0]!.requestsPerSecond;
    for (const h of http) h.ratioToStatic = h.requestsPerSecond / staticRate;
    const bareServer = await measureBareServer(
      herald.url,
      loadTargets.slice(0, 5),
      new Map(http.map((h) => [h.path, h.requestsPerSecond])),
      load,
    );

    let nginx: NginxFigures | null = null;
    if (o.nginx) {
      log("through nginx…");
      // Behind nginx, Herald leaves compression to it (docs/deploy.md).
      const plain = await nextStart(
        root,
        { ...env(dbFile, ".next-bench"), HERALD_COMPRESS: "0" },
        PORT + 2,
      );
      servers.push(plain);
      try {
        nginx = await measureThroughNginx({
          root,
          distDir: ".next-bench",
          prefix: path.join(work, "nginx"),
          port: PORT + 3,
          upstreamPort: PORT + 2,
          pages: [...pages].reverse(),
          seconds: o.seconds,
          connections: o.connections,
          rounds: o.httpRounds,
          log,
        });
      } finally {
        await plain.stop();
      }
    }

    let cluster: ClusterFigures | null = null;
    if (o.cluster) {
      const redis = hasRedisServer();
      if (!redis) log("redis-server is not installed: the two-instance run is skipped");
      cluster = await measureUncachedRenders({
        root,
        env: env(dbFile, ".next-bench"),
        single: herald.url,
        postgresUrl: redis ? postgresUrl : null,
        ports: [PORT + 8, PORT + 9],
        redisPort: PORT + 10,
        paths: uncachedPaths,
        concurrency: o.connections,
        encoding: o.encoding,
        log,
      });
    }

    log("page weight…");
    const weightPages = [
      ...pages.map((p) => ({ name: p.name, url: `${herald.url}${p.path}` })),
      { name: "empty page", url: `${emptyApp.url}/` },
    ];
    const weights = await measurePageWeights(weightPages, chromePath);

    log("lighthouse…");
    const lighthouse =
      o.lighthouseRuns > 0
        ? await runLighthouse(weightPages, { runs: o.lighthouseRuns, chromePath, log })
        : [];

    const figures: BenchFigures = {
      dataset,
      dataLayer: sqlite?.dataLayer ?? [],
      budgetedQueries: (sqlite?.dataLayer ?? [])
        .filter((t) => !t.name.includes("ranked afresh"))
        .map((t) => t.name),
      search: sqlite?.search ?? [],
      postgres,
      builds: { defaultContentSeconds, benchSeconds },
      httpEncoding: o.encoding,
      http,
      bareServer,
      nginx,
      cluster,
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
