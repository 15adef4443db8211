import fs from "node:fs";
import path from "node:path";
import { readCorpusLines } from "../../lib/content/files";
import { parsedChunksOnThread } from "../../lib/import/parse-thread";
import type { BenchmarkStore } from "../../lib/news/bench";
import type { DatasetTarget } from "./dataset-target";
import { buildVocabulary, generateArticles, generatePageViews } from "./generator";

/** What a benchmark database was generated with; a database is reused only for the same. */
export type DatasetSpec = { articles: number; views: number; seed: number; generatorVersion: 2 };

export type DatasetReport = DatasetSpec & {
  /** Where it is: the SQLite file, or the PostgreSQL database's URL. */
  file: string;
  /** "sqlite" or "postgres"; absent in reports written before PostgreSQL was measured. */
  backend?: DatasetTarget["backend"];
  /** The instant the data was generated for: the newest story and the end of the views. */
  now: string;
  generateSeconds: number;
  importSeconds: number;
  importedPerSecond: number;
  /** Of importSeconds: the time each batch spent after its rows were written (search indexing and commit). */
  searchIndexSeconds: number;
  /** The rate without that: writing articles, bylines and tags. */
  importedPerSecondBeforeIndexing: number;
  viewsSeconds: number;
  fileBytes: number;
  reused: boolean;
};

/**
 * The vocabulary of the default Wikinews corpus (content/news-corpus.jsonl): real words at their
 * real frequencies, for generated copy.
 */
export function corpusVocabulary() {
  const texts: string[] = [];
  for (const line of readCorpusLines()) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { headline: string; body: string[] };
    texts.push(record.headline, ...record.body);
  }
  return buildVocabulary(texts);
}

/**
 * Builds (or reuses) the benchmark database of `target` (dataset-target.ts: a SQLite file or a
 * PostgreSQL database): the default content, then `spec.articles` generated articles written to
 * a JSON Lines file and loaded with the real importer (the figure reported as the import rate),
 * then `spec.views` page views over the last 30 days, inserted in bulk. The data describe the
 * instant `options.now` (default: now), so two backends built with the same spec and instant hold
 * the same stories. A database built earlier with the same spec is reused unless `fresh` is set;
 * its report (kept beside it as JSON) is returned with `reused: true`.
 */
export async function buildDataset(
  target: DatasetTarget,
  spec: DatasetSpec,
  options: { fresh?: boolean; log?: (line: string) => void; now?: string } = {},
): Promise<DatasetReport> {
  const log = options.log ?? (() => undefined);
  const reportFile = target.reportFile;
  if (!options.fresh && (await target.exists()) && fs.existsSync(reportFile)) {
    const previous = JSON.parse(fs.readFileSync(reportFile, "utf8")) as DatasetReport;
    const same =
      (Object.keys(spec) as Array<keyof DatasetSpec>).every((k) => previous[k] === spec[k]) &&
      (options.now === undefined || previous.now === options.now);
    if (same) {
      // Migrations added since still apply (and the statistics stay as they were).
      const bench = await target.open();
      await bench.store.migrate();
      await bench.close();
      return { ...previous, reused: true };
    }
  }
  fs.rmSync(reportFile, { force: true });
  await target.reset();
  fs.mkdirSync(path.dirname(target.jsonl), { recursive: true });

  const bench = await target.open();
  await bench.store.migrate();
  await bench.store.seedDefaultContent();
  const tree = await bench.store.sectionTree();
  const sections = tree.flatMap((s) => [s.slug, ...s.children.map((c) => `${s.slug}/${c.slug}`)]);
  const now = options.now ?? new Date().toISOString();

  log(`generating ${spec.articles.toLocaleString("en-US")} articles…`);
  const jsonl = target.jsonl;
  let started = performance.now();
  const out = fs.openSync(jsonl, "w");
  let chunk: string[] = [];
  for (const record of generateArticles({
    articles: spec.articles,
    seed: spec.seed,
    now,
    sections,
    vocabulary: corpusVocabulary(),
  })) {
    chunk.push(JSON.stringify(record));
    if (chunk.length === 1_000) {
      fs.writeSync(out, `${chunk.join("\n")}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(out, `${chunk.join("\n")}\n`);
  fs.closeSync(out);
  const generateSeconds = (performance.now() - started) / 1000;

  log(`importing ${jsonl}…`);
  started = performance.now();
  let searchIndexMs = 0;
  const report = await bench.store.importLines(
    { file: jsonl },
    // JSON parsing and validation run on a second thread while the importer writes.
    { parse: parsedChunksOnThread, onBatch: (t) => (searchIndexMs += t.searchIndexMs) },
  );
  const importSeconds = (performance.now() - started) / 1000;
  if (report.skipped.length > 0)
    throw new Error(
      `bench import skipped ${report.skipped.length} records: ${report.skipped[0]?.reason}`,
    );
  fs.rmSync(jsonl, { force: true });

  log(`inserting ${spec.views.toLocaleString("en-US")} page views…`);
  started = performance.now();
  await insertViews(bench, spec, now);
  await bench.close();
  const viewsSeconds = (performance.now() - started) / 1000;

  const result: DatasetReport = {
    ...spec,
    file: target.label,
    backend: target.backend,
    now,
    generateSeconds,
    importSeconds,
    importedPerSecond: spec.articles / importSeconds,
    searchIndexSeconds: searchIndexMs / 1000,
    importedPerSecondBeforeIndexing: spec.articles / (importSeconds - searchIndexMs / 1000),
    viewsSeconds,
    fileBytes: await target.bytes(),
    reused: false,
  };
  fs.writeFileSync(reportFile, JSON.stringify(result, null, 2));
  return result;
}

/** Bulk-inserts the generated page views (benchmark set-up, not the app's write path). */
async function insertViews(bench: BenchmarkStore, spec: DatasetSpec, now: string): Promise<void> {
  const { first, last } = await bench.idRange("bench-");
  if (last - first + 1 !== spec.articles)
    throw new Error("bench articles do not have consecutive ids");
  const views = generatePageViews({
    count: spec.views,
    articles: spec.articles,
    now,
    seed: spec.seed,
  });
  await bench.insertPageViews(
    (function* () {
      for (const view of views) {
        const reader = (Math.imul(view.reader + 1, 2_654_435_761) >>> 0)
          .toString(16)
          .padStart(16, "0");
        yield [first + view.articleIndex, reader, new Date(view.viewedAt).toISOString()] as const;
      }
    })() as Iterable<[number, string, string]>,
  );
}
