import type { BareServerResult } from "./bare-server";
import type { ClusterFigures } from "./cluster";
import type { Timing } from "./data-layer";
import type { DatasetReport } from "./dataset";
import type { HeaderCheck } from "./headers";
import type { Encoding, LoadResult } from "./http-load";
import type { LighthouseResult } from "./lighthouse";
import { staticFileName, type NginxFigures } from "./nginx-run";
import type { PageWeight } from "./page-weight";
import type { StoreFigures } from "./store-timings";

/** One budget of issue 6 and whether this run met it. */
/** `pass` is null for a budget this run did not measure (the import of a reused data set). */
export type BudgetCheck = {
  budget: string;
  limit: string;
  measured: string;
  pass: boolean | null;
};

export type BenchFigures = {
  /** The SQLite data set, which the site runs on in every HTTP figure. */
  dataset: DatasetReport;
  /** SQLite's data-layer timings (none with --backend postgres). */
  dataLayer: Timing[];
  /** Names of the data-layer timings that carry the 10 ms budget. */
  budgetedQueries: string[];
  search: Timing[];
  /** The same stories on PostgreSQL and the same timings (null: not measured). */
  postgres?: StoreFigures | null;
  builds: { defaultContentSeconds: number; benchSeconds: number };
  /** What the HTTP runs' requests accepted (`--encoding`); the same for every URL. */
  httpEncoding: Encoding;
  http: LoadResult[];
  /** The same URLs' bytes from a bare node:http server (not a budget: the machine's floor). */
  bareServer: BareServerResult[];
  /** The pages through nginx (null: not measured). */
  nginx?: NginxFigures | null;
  /** Uncached renders on one SQLite instance and two on PostgreSQL (null: not measured). */
  cluster?: ClusterFigures | null;
  headers: HeaderCheck[];
  weights: PageWeight[];
  lighthouse: LighthouseResult[];
};

const ms = (n: number) => `${n.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Checks the figures against the budgets of issue 6 (and the search budget of issue 7).
 * Lighthouse pages are named "home", "section front", "article" and "empty page"; page weights
 * and HTTP results use the same names, plus "static file" for the HTTP reference.
 */
export function checkBudgets(f: BenchFigures): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const add = (budget: string, limit: string, measured: string, pass: boolean | null) =>
    checks.push({ budget, limit, measured, pass });

  const empty = f.lighthouse.find((l) => l.name === "empty page");
  for (const page of f.lighthouse.filter((l) => l.name !== "empty page")) {
    for (const [key, label] of [
      ["accessibility", "Accessibility"],
      ["bestPractices", "Best Practices"],
      ["seo", "SEO"],
    ] as const)
      add(`Lighthouse ${label}, ${page.name}`, "100", String(page[key]), page[key] === 100);
    if (empty) {
      add(
        `Lighthouse Performance, ${page.name}`,
        `≥ ${empty.performance - 3} (empty page ${empty.performance} - 3)`,
        String(page.performance),
        page.performance >= empty.performance - 3,
      );
      add(
        `LCP, ${page.name}`,
        `≤ ${(empty.lcp + 300).toFixed(0)} ms (empty + 300)`,
        `${page.lcp.toFixed(0)} ms`,
        page.lcp <= empty.lcp + 300,
      );
      add(
        `TBT, ${page.name}`,
        `≤ ${(empty.tbt + 50).toFixed(0)} ms (empty + 50)`,
        `${page.tbt.toFixed(0)} ms`,
        page.tbt <= empty.tbt + 50,
      );
    }
    add(`CLS, ${page.name}`, "≤ 0.01", page.cls.toFixed(3), page.cls <= 0.01);
  }

  const weight = (name: string) => f.weights.find((w) => w.name === name);
  const article = weight("article");
  const floor = weight("empty page");
  if (article && floor)
    add(
      "First-load JS, article, above the empty page",
      `≤ 30.0 kB (empty page ${kb(floor.jsBytes)})`,
      `${kb(article.jsBytes - floor.jsBytes)} (total ${kb(article.jsBytes)})`,
      article.jsBytes - floor.jsBytes <= 30_000,
    );
  if (article)
    add("Article HTML, compressed", "< 60.0 kB", kb(article.htmlBytes), article.htmlBytes < 60_000);

  // Like for like: the page and the static file requested with the same Accept-Encoding (a
  // browser's by default). A pair that was not is reported, and fails.
  const staticFile = f.http.find((h) => h.name === "static file");
  for (const name of ["article", "section front", "home"]) {
    const run = f.http.find((h) => h.name === name);
    if (!run || !staticFile) continue;
    const ratio = run.requestsPerSecond / staticFile.requestsPerSecond;
    const alike = run.acceptEncoding === staticFile.acceptEncoding;
    add(
      alike
        ? `Requests/s, ${name}, share of the static file's (like for like: both Accept-Encoding: ${run.acceptEncoding})`
        : `Requests/s, ${name}, share of the static file's (NOT like for like: Accept-Encoding ${run.acceptEncoding} against ${staticFile.acceptEncoding})`,
      "≥ 0.50, 0 errors",
      `${ratio.toFixed(2)} (${run.requestsPerSecond.toFixed(0)}/s, answered ${run.response.contentEncoding}), ${run.errors + run.non2xx} errors`,
      alike && ratio >= 0.5 && run.errors + run.non2xx === 0,
    );
  }

  for (const check of nginxBudgets(f)) checks.push(check);

  for (const t of f.dataLayer.filter((t) => f.budgetedQueries.includes(t.name)))
    add(`Data layer p99: ${t.name}`, "< 10 ms", ms(t.p99), t.p99 < 10);
  const second = f.dataLayer.find((t) => /^section front, page 2 \(/.test(t.name));
  const deep = f.dataLayer.find((t) => /^section front, page \d{2,} \(/.test(t.name));
  if (second && deep)
    add(
      `Deep front page costs what page 2 does (p50, ${deep.name.replace("section front, ", "")})`,
      `≤ 1.5 × page 2 + 0.3 ms = ${ms(1.5 * second.p50 + 0.3)}`,
      ms(deep.p50),
      deep.p50 <= 1.5 * second.p50 + 0.3,
    );
  for (const t of f.search) add(`Search p99: ${t.name}`, "< 50 ms", ms(t.p99), t.p99 < 50);
  add(
    "Import rate",
    "≥ 5,000 articles/s",
    `${Math.round(f.dataset.importedPerSecond).toLocaleString("en-US")}/s with search indexing; ` +
      `${Math.round(f.dataset.importedPerSecondBeforeIndexing).toLocaleString("en-US")}/s before it`,
    f.dataset.reused ? null : f.dataset.importedPerSecond >= 5_000,
  );
  const { defaultContentSeconds: small, benchSeconds: big } = f.builds;
  add(
    "Build time independent of the number of articles",
    `≤ 1.25 × the default content's build (${small.toFixed(0)} s) + 10 s`,
    `${big.toFixed(0)} s`,
    big <= 1.25 * small + 10,
  );
  for (const h of f.headers)
    add(
      `Headers, ${h.name}`,
      h.name.startsWith("preview")
        ? "private, no-store"
        : "s-maxage + stale-while-revalidate, gzip",
      `${h.status} ${h.cacheControl}${h.contentEncoding ? `; ${h.contentEncoding}` : ""}`,
      h.ok,
    );
  return checks;
}

/**
 * Through nginx (deploy/nginx/herald.conf), a cached page costs what a file does: the article,
 * the section front and the home page each at least 0.9 × the rate of a static file of its own
 * bytes (issue 18: "a static file of the same size"), both asked for with a browser's
 * Accept-Encoding, and no error or non-2xx answer on any URL (the files' included).
 */
export function nginxBudgets(f: Pick<BenchFigures, "nginx">): BudgetCheck[] {
  if (!f.nginx) return [];
  const { http, staticBytes } = f.nginx;
  return http.flatMap((run) => {
    const staticFile = http.find((h) => h.name === staticFileName(run.name));
    if (!staticFile) return [];
    const ratio = run.requestsPerSecond / staticFile.requestsPerSecond;
    const errors = run.errors + run.non2xx + staticFile.errors + staticFile.non2xx;
    const kB = ((staticBytes[run.name] ?? 0) / 1000).toFixed(1);
    return [
      {
        budget: `Through nginx: requests/s, ${run.name}, share of a static file of its ${kB} kB (Accept-Encoding: ${run.acceptEncoding})`,
        limit: "≥ 0.9 × static, 0 errors",
        measured: `${ratio.toFixed(2)} (${run.requestsPerSecond.toFixed(0)}/s against ${staticFile.requestsPerSecond.toFixed(0)}/s, answered ${run.response.contentEncoding}), ${errors} errors`,
        pass: ratio >= 0.9 && errors === 0,
      },
    ];
  });
}
