import type { BenchFigures, BudgetCheck } from "./budgets";
import type { LoadResult } from "./http-load";
import { acceptEncoding, missedCompression } from "./http-load";
import { backendSection, clusterSection, nginxSection } from "./report-sections";

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function table(
  head: string[],
  rows: Array<Array<string | number>>,
  alignNumbers = true,
): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) =>
        alignNumbers && /^[\d.,\s%/×-]+$/.test(c) && i > 0
          ? c.padStart(widths[i]!)
          : c.padEnd(widths[i]!),
      )
      .join("  ")
      .trimEnd();
  return [
    line(head),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

/**
 * The lines above the HTTP table: which Accept-Encoding every request sent, that the static file
 * was requested the same way, and a warning for each URL whose answer should have come
 * compressed and did not.
 */
export function httpEncodingLines(f: Pick<BenchFigures, "httpEncoding" | "http">): string[] {
  const lines = [
    f.httpEncoding === "browser"
      ? `Encoding: every request sent Accept-Encoding: ${acceptEncoding("browser")}, as browsers do (--encoding browser), so Next.js compressed what it compresses.`
      : `Encoding: every request sent Accept-Encoding: identity (--encoding identity): uncompressed, a path browsers never take.`,
    `× static: each rate over the static file's, requested with the same Accept-Encoding (like for like); "answered" is each URL's Content-Encoding.`,
  ];
  const staticFile = f.http.find((h) => h.name === "static file");
  if (
    f.httpEncoding === "browser" &&
    staticFile?.response.contentEncoding === "identity" &&
    !missedCompression(f.httpEncoding, staticFile.response)
  )
    lines.push(
      `The static file (${staticFile.response.contentType || "no type"}) is not compressed by Next.js, nor for a browser.`,
    );
  for (const h of f.http.filter((h) => missedCompression(f.httpEncoding, h.response)))
    lines.push(
      `WARNING: ${h.name} (${h.path}) came back uncompressed (${f1(h.response.bytes / 1000)} kB of ${h.response.contentType}) although the requests asked for compression.`,
    );
  const mixed = new Set(f.http.map((h) => h.acceptEncoding));
  if (mixed.size > 1)
    lines.push(
      `WARNING: the URLs were not requested alike (Accept-Encoding ${[...mixed].join(" / ")}).`,
    );
  return lines;
}

/** The benchmark's figures and budgets as printed tables. */
export function formatReport(f: BenchFigures, budgets: BudgetCheck[]): string {
  const d = f.dataset;
  const out: string[] = [];
  out.push(
    `Data set: ${d.articles.toLocaleString("en-US")} articles, ${d.views.toLocaleString("en-US")} page views, seed ${d.seed}` +
      `${d.reused ? " (reused from an earlier run)" : ""}; ${(d.fileBytes / 1e9).toFixed(2)} GB.`,
    `Generate ${f1(d.generateSeconds)} s; import ${f1(d.importSeconds)} s = ${Math.round(d.importedPerSecond).toLocaleString("en-US")} articles/s ` +
      `(of which search indexing and commits ${f1(d.searchIndexSeconds)} s; ${Math.round(d.importedPerSecondBeforeIndexing).toLocaleString("en-US")}/s without); page views ${f1(d.viewsSeconds)} s.`,
    `Build: ${f1(f.builds.defaultContentSeconds)} s on the default content, ${f1(f.builds.benchSeconds)} s on the data set.`,
    "",
    "Data layer (ms, straight to SQLite)",
    table(
      ["query", "calls", "p50", "p99", "max"],
      [...f.dataLayer, ...f.search].map((t) => [t.name, t.calls, f2(t.p50), f2(t.p99), f2(t.max)]),
    ),
    ...backendSection(f),
    "",
    `HTTP (autocannon, cached pages; median of ${f.http[0]?.runs.length ?? 0} runs per URL)`,
    ...httpEncodingLines(f),
    table(
      [
        "page",
        "path",
        "answered",
        "kB sent",
        "req/s",
        "runs",
        "× static",
        "p50 ms",
        "p99 ms",
        "errors",
      ],
      f.http.map((h) => [
        h.name,
        h.path.length > 40 ? `${h.path.slice(0, 37)}…` : h.path,
        ...loadCells(h),
      ]),
    ),
    "",
    `The same bytes from a bare node:http server, as the site sent them to Accept-Encoding: ${acceptEncoding(f.httpEncoding)}` +
      " (one run each; not a budget: what sending them costs here)",
    ...(f.bareServer.some((b) => b.contentEncoding !== "identity")
      ? [
          "A compressed page is sent by the bare server as bytes compressed once, with the same Content-Encoding;",
          "the site compresses every answer, so its own ms/request include compressing.",
        ]
      : []),
    table(
      ["page", "sent as", "kB", "bare req/s", "site req/s", "site's own ms/request"],
      f.bareServer.map((b) => [
        b.name,
        b.contentEncoding,
        f1(b.bytes / 1000),
        Math.round(b.requestsPerSecond),
        Math.round(b.siteRequestsPerSecond),
        f2(b.siteOverheadMs),
      ]),
    ),
    ...nginxSection(f),
    ...clusterSection(f),
    "",
    "Page weight (compressed, first visit in Chromium)",
    table(
      ["page", "HTML kB", "JS kB", "scripts"],
      f.weights.map((w) => [w.name, f1(w.htmlBytes / 1000), f1(w.jsBytes / 1000), w.scripts]),
    ),
    ...(f.lighthouse.length === 0
      ? ["", "Lighthouse: not run (--no-lighthouse)"]
      : [
          "",
          `Lighthouse (mobile, median of ${f.lighthouse[0]?.runs ?? 0} runs)`,
          table(
            ["page", "Perf", "A11y", "BP", "SEO", "LCP ms", "TBT ms", "CLS"],
            f.lighthouse.map((l) => [
              l.name,
              l.performance,
              l.accessibility,
              l.bestPractices,
              l.seo,
              Math.round(l.lcp),
              Math.round(l.tbt),
              l.cls.toFixed(3),
            ]),
          ),
        ]),
    "",
    "Budgets",
    table(
      ["", "budget", "limit", "measured"],
      budgets.map((b) => [
        b.pass === null ? "N/A" : b.pass ? "PASS" : "FAIL",
        b.budget,
        b.limit,
        b.measured,
      ]),
      false,
    ),
    "",
    `${budgets.filter((b) => b.pass === true).length} of ${budgets.filter((b) => b.pass !== null).length} budgets met` +
      `${budgets.some((b) => b.pass === null) ? " (N/A: not measured in this run; --fresh measures the import)" : ""}.`,
  );
  return out.join("\n");
}

/**
 * The cells of one URL's load figures in the HTTP tables: how it was answered, kB sent,
 * requests/s (median run), every run, × the static file, p50 and p99 ms, errors and non-2xx.
 */
export function loadCells(h: LoadResult): (string | number)[] {
  return [
    h.response.contentEncoding,
    f1(h.response.bytes / 1000),
    Math.round(h.requestsPerSecond),
    h.runs.map(Math.round).join(" "),
    h.ratioToStatic === null ? "-" : f2(h.ratioToStatic),
    h.p50,
    h.p99,
    h.errors + h.non2xx,
  ];
}
