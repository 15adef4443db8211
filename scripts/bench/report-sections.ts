import type { BenchFigures } from "./budgets";
import type { Timing } from "./data-layer";
import type { DatasetReport } from "./dataset";
import { table } from "./report";

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const rate = (n: number) => Math.round(n).toLocaleString("en-US");

/** One line on how a data set was loaded: its import rate, with and without search indexing. */
export function importLine(name: string, d: DatasetReport): string {
  return (
    `${name}: import ${rate(d.importedPerSecond)} articles/s (${rate(d.importedPerSecondBeforeIndexing)}/s before search indexing)` +
    `${d.reused ? ", measured when the data set was built" : ""}; page views ${f1(d.viewsSeconds)} s; ${(d.fileBytes / 1e9).toFixed(2)} GB.`
  );
}

/**
 * The data-layer and search timings of SQLite and PostgreSQL side by side (p50 and p99 of each,
 * and PostgreSQL's p99 over SQLite's), with both import rates. Nothing when PostgreSQL was not
 * measured.
 */
export function backendSection(f: BenchFigures): string[] {
  const pg = f.postgres;
  if (!pg) return [];
  const sqlite = new Map<string, Timing>([...f.dataLayer, ...f.search].map((t) => [t.name, t]));
  const rows = [...pg.dataLayer, ...pg.search].map((t) => {
    const s = sqlite.get(t.name);
    return [
      t.name,
      s ? f2(s.p50) : "-",
      s ? f2(s.p99) : "-",
      f2(t.p50),
      f2(t.p99),
      s ? `${f1(t.p99 / s.p99)}×` : "-",
    ];
  });
  return [
    "",
    "SQLite and PostgreSQL: the same stories, the same queries (ms, straight to the database)",
    importLine("SQLite", f.dataset),
    importLine("PostgreSQL", pg.dataset),
    table(["query", "SQLite p50", "SQLite p99", "PG p50", "PG p99", "PG/SQLite p99"], rows),
  ];
}

/** The pages through nginx: each rate and its share of the static file's. */
export function nginxSection(f: BenchFigures): string[] {
  const n = f.nginx;
  if (!n) return [];
  return [
    "",
    `Through nginx (deploy/nginx/herald.conf, Herald with HERALD_COMPRESS=0; median of ${n.http[0]?.runs.length ?? 0} runs per URL)`,
    `The static file is the article page's ${f1(n.staticBytes / 1000)} kB of HTML as a file, compressed by nginx as the pages are. Cache: ${Object.entries(
      n.cacheStatus,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
    table(
      ["page", "answered", "kB sent", "req/s", "runs", "× static", "p50 ms", "p99 ms", "errors"],
      n.http.map((h) => [
        h.name,
        h.response.contentEncoding,
        f1(h.response.bytes / 1000),
        Math.round(h.requestsPerSecond),
        h.runs.map(Math.round).join(" "),
        h.ratioToStatic === null ? "-" : f2(h.ratioToStatic),
        h.p50,
        h.p99,
        h.errors + h.non2xx,
      ]),
    ),
  ];
}

/** The uncached renders: articles per second on one SQLite instance and on two over PostgreSQL. */
export function clusterSection(f: BenchFigures): string[] {
  const c = f.cluster;
  if (!c) return [];
  const single = c.uncached[0];
  return [
    "",
    "Uncached article renders (distinct articles, each requested once; nothing cached)",
    table(
      [
        "served by",
        "articles",
        "concurrency",
        "renders/s",
        "× one SQLite",
        "p50 ms",
        "p99 ms",
        "errors",
      ],
      c.uncached.map((u) => [
        u.name,
        u.requests,
        u.concurrency,
        f1(u.requestsPerSecond),
        single ? f2(u.requestsPerSecond / single.requestsPerSecond) : "-",
        f1(u.p50),
        f1(u.p99),
        u.errors,
      ]),
    ),
  ];
}
