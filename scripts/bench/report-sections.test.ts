import { describe, expect, it } from "vitest";
import type { Timing } from "./data-layer";
import type { DatasetReport } from "./dataset";
import { backendSection, clusterSection, dataOnlyReport } from "./report-sections";
import type { StoreFigures } from "./store-timings";

const dataset = (importedPerSecond: number): DatasetReport => ({
  articles: 1_000,
  views: 10_000,
  seed: 42,
  generatorVersion: 2,
  file: "x",
  now: "2026-12-06T00:00:00.000Z",
  generateSeconds: 1,
  importSeconds: 1,
  importedPerSecond,
  searchIndexSeconds: 0,
  importedPerSecondBeforeIndexing: importedPerSecond * 2,
  viewsSeconds: 1,
  fileBytes: 1e9,
  reused: false,
});
const t = (name: string, p99: number): Timing => ({ name, calls: 10, p50: p99 / 2, p99, max: p99 });
const store = (rate: number, p99: number): StoreFigures => ({
  dataset: dataset(rate),
  dataLayer: [t("article by id", p99)],
  search: [t("search, one word", p99 * 10)],
  deepFront: { path: "/national", before: 1, page: 2 },
});

describe("backendSection", () => {
  it("prints each query's p99 on both stores and PostgreSQL's over SQLite's, with both import rates", () => {
    const sqlite = store(3_000, 0.5);
    const text = backendSection({ ...sqlite, postgres: store(700, 2) }).join("\n");
    expect(text).toMatch(/SQLite: import 3,000 articles\/s \(6,000\/s before/);
    expect(text).toMatch(/PostgreSQL: import 700 articles\/s/);
    expect(text).toMatch(/article by id\s+0\.25\s+0\.50\s+1\.00\s+2\.00\s+4\.0×/);
    expect(text).toMatch(/search, one word\s+2\.50\s+5\.00\s+10\.00\s+20\.00\s+4\.0×/);
  });

  it("is empty when PostgreSQL was not measured", () => {
    expect(backendSection({ ...store(1, 1), postgres: null })).toEqual([]);
  });
});

describe("dataOnlyReport", () => {
  it("prints the stores that were measured, and the comparison only with both", () => {
    expect(dataOnlyReport(store(1, 1), null)).not.toMatch(/PG p99/);
    expect(dataOnlyReport(null, store(1, 1))).toMatch(/PostgreSQL: import/);
    expect(dataOnlyReport(store(1, 1), store(1, 2))).toMatch(/PG\/SQLite p99/);
  });
});

describe("clusterSection", () => {
  it("gives each run's render rate as a multiple of the single SQLite instance's", () => {
    const run = (name: string, instances: number, requestsPerSecond: number) => ({
      name,
      instances,
      requests: 100,
      concurrency: 10,
      requestsPerSecond,
      p50: 10,
      p99: 40,
      errors: 0,
    });
    const text = clusterSection({
      cluster: { uncached: [run("SQLite, one instance", 1, 40), run("two", 2, 60)] },
    }).join("\n");
    expect(text).toMatch(/SQLite, one instance\s+100\s+10\s+40\.0\s+1\.00/);
    expect(text).toMatch(/two\s+100\s+10\s+60\.0\s+1\.50/);
  });
});
