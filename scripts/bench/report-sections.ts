import type { BenchFigures } from "./budgets";
import type { Timing } from "./data-layer";
import type { DatasetReport } from "./dataset";
import type { StoreFigures } from "./store-timings";
import { loadCells, table } from "./report";

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
export function backendSection(
  f: Pick<BenchFigures, "dataset" | "dataLayer" | "search" | "postgres">,
): string[] {
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
export function nginxSection(f: Pick<BenchFigures, "nginx">): string[] {
  const n = f.nginx;
  if (!n) return [];
  return [
    "",
    `Through nginx (deploy/nginx/herald.conf, Herald with HERALD_COMPRESS=0; median of ${n.http[0]?.runs.length ?? 0} runs per URL)`,
    `Each page is held to a static file of its own HTML (${Object.entries(n.staticBytes)
      .map(([page, bytes]) => `${page} ${f1(bytes / 1000)} kB`)
      .join(", ")}), compressed by nginx as the pages are. Cache: ${Object.entries(n.cacheStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
    table(
      ["page", "answered", "kB sent", "req/s", "runs", "× static", "p50 ms", "p99 ms", "errors"],
      n.http.map((h) => [h.name, ...loadCells(h)]),
    ),
  ];
}

/** The uncached renders: articles per second on one SQLite instance and on two over PostgreSQL. */
export function clusterSection(f: Pick<BenchFigures, "cluster">): string[] {
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

/**
 * What `--data-only` prints: each measured store's data set and its data-layer and search
 * timings (p50, p99, max), then SQLite's and PostgreSQL's side by side when both were measured.
 */
export function dataOnlyReport(sqlite: StoreFigures | null, postgres: StoreFigures | null): string {
  const out: string[] = [];
  for (const [name, s] of [
    ["SQLite", sqlite],
    ["PostgreSQL", postgres],
  ] as const) {
    if (!s) continue;
    out.push(
      "",
      `${importLine(name, s.dataset)} ${s.dataset.articles.toLocaleString("en-US")} articles, ${s.dataset.views.toLocaleString("en-US")} views.`,
      table(
        ["query", "calls", "p50", "p99", "max"],
        [...s.dataLayer, ...s.search].map((t) => [
          t.name,
          t.calls,
          f2(t.p50),
          f2(t.p99),
          f2(t.max),
        ]),
      ),
    );
  }
  if (sqlite && postgres)
    out.push(
      ...backendSection({
        dataset: sqlite.dataset,
        dataLayer: sqlite.dataLayer,
        search: sqlite.search,
        postgres,
      }),
    );
  return out.join("\n");
}
