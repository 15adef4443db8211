import { describe, expect, it } from "vitest";
import { checkBudgets, type BenchFigures } from "./budgets";
import { BROWSER_ACCEPT_ENCODING, type LoadResult } from "./http-load";
import { formatReport, httpEncodingLines } from "./report";

const result = (
  name: string,
  path: string,
  requestsPerSecond: number,
  response: LoadResult["response"],
  acceptEncoding = BROWSER_ACCEPT_ENCODING,
): LoadResult => ({
  name,
  path,
  acceptEncoding,
  response,
  requestsPerSecond,
  runs: [requestsPerSecond],
  p50: 5,
  p99: 20,
  errors: 0,
  non2xx: 0,
  ratioToStatic: null,
});

const png = { contentEncoding: "identity", bytes: 4_933, contentType: "image/png" };
const gzipPage = { contentEncoding: "gzip", bytes: 19_500, contentType: "text/html" };
const plainPage = { contentEncoding: "identity", bytes: 78_000, contentType: "text/html" };

function figures(http: LoadResult[], httpEncoding: BenchFigures["httpEncoding"]): BenchFigures {
  return {
    dataset: {
      articles: 1,
      views: 1,
      seed: 42,
      generatorVersion: 2,
      file: "x.db",
      now: "2026-11-29T00:00:00.000Z",
      generateSeconds: 1,
      importSeconds: 1,
      importedPerSecond: 1,
      searchIndexSeconds: 0,
      importedPerSecondBeforeIndexing: 1,
      viewsSeconds: 1,
      fileBytes: 1,
      reused: true,
    },
    dataLayer: [],
    budgetedQueries: [],
    search: [],
    builds: { defaultContentSeconds: 20, benchSeconds: 20 },
    httpEncoding,
    http,
    bareServer: [
      {
        name: "article",
        path: "/article/1/a",
        contentEncoding: "gzip",
        bytes: 19_500,
        requestsPerSecond: 5_000,
        siteRequestsPerSecond: 900,
        siteOverheadMs: 1000 / 900 - 1000 / 5_000,
      },
    ],
    headers: [],
    weights: [],
    lighthouse: [],
  };
}

describe("the report of the HTTP runs", () => {
  it("says which Accept-Encoding the requests sent, and what each URL answered", () => {
    const f = figures(
      [
        result("static file", "/images/logo.png", 1_700, png),
        result("article", "/article/1/a", 900, gzipPage),
      ],
      "browser",
    );
    const lines = httpEncodingLines(f).join("\n");
    expect(lines).toContain("Accept-Encoding: gzip, deflate, br");
    expect(lines).toContain("like for like");
    expect(lines).not.toContain("WARNING");
    const report = formatReport(f, checkBudgets(f));
    expect(report).toMatch(/answered\s+kB sent/);
    expect(report).toMatch(/article\s+\/article\/1\/a\s+gzip\s+19\.5\s+900/);
    expect(report).toMatch(/static file\s+\/images\/logo\.png\s+identity\s+4\.9\s+1700/);
    expect(report).toMatch(/article\s+gzip\s+19\.5\s+5000\s+900/);
  });

  it("warns when a page came back uncompressed although the run asked for compression", () => {
    const lines = httpEncodingLines(
      figures(
        [
          result("static file", "/images/logo.png", 1_700, png),
          result("article", "/article/1/a", 1_000, plainPage),
        ],
        "browser",
      ),
    );
    expect(lines.join("\n")).toMatch(/WARNING: article .* came back uncompressed/);
  });

  it("says so when the run asked for identity", () => {
    const lines = httpEncodingLines(
      figures([result("static file", "/images/logo.png", 1_700, png, "identity")], "identity"),
    );
    expect(lines.join("\n")).toContain("Accept-Encoding: identity");
    expect(lines.join("\n")).not.toContain("WARNING");
  });
});

describe("the static-file ratio budgets", () => {
  it("name the Accept-Encoding both sides were requested with", () => {
    const budgets = checkBudgets(
      figures(
        [
          result("static file", "/images/logo.png", 1_700, png),
          result("article", "/article/1/a", 900, gzipPage),
        ],
        "browser",
      ),
    );
    const article = budgets.find((b) => b.budget.startsWith("Requests/s, article"))!;
    expect(article.budget).toContain("like for like: both Accept-Encoding: gzip, deflate, br");
    expect(article.measured).toContain("answered gzip");
    expect(article.pass).toBe(true);
  });

  it("fail a page and a static file that were not requested alike", () => {
    const budgets = checkBudgets(
      figures(
        [
          result("static file", "/images/logo.png", 1_700, png, "identity"),
          result("article", "/article/1/a", 1_500, gzipPage),
        ],
        "browser",
      ),
    );
    const article = budgets.find((b) => b.budget.startsWith("Requests/s, article"))!;
    expect(article.budget).toContain("NOT like for like");
    expect(article.pass).toBe(false);
  });
});
