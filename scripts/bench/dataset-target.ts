import fs from "node:fs";
import { warmFileCache } from "./warm-cache";
import {
  openBenchmarkStore,
  openPostgresBenchmarkStore,
  postgresBenchDatabase,
  type BenchmarkStore,
} from "../../lib/news/bench";
/**
 * Where a benchmark data set lives, for buildDataset (dataset.ts): how to tell whether it exists,
 * empty it, open it, and weigh it. `reportFile` keeps the report of the run that built it, and
 * `jsonl` is where the generated articles are written before the importer reads them.
 */
export type DatasetTarget = {
  backend: "sqlite" | "postgres";
  /** The SQLite file, or the database's URL. */
  label: string;
  reportFile: string;
  jsonl: string;
  exists(): Promise<boolean>;
  /** Deletes the data set and leaves an empty database (PostgreSQL) or none (SQLite). */
  reset(): Promise<void>;
  open(): Promise<BenchmarkStore>;
  /** Its size on disk, in bytes. */
  bytes(): Promise<number>;
  /** Reads all of it once so the OS caches it (as before SQLite's timings); the bytes read. */
  warm(): Promise<number>;
};

/** The SQLite file `file`, with its report and JSON Lines beside it. */
export function sqliteTarget(file: string): DatasetTarget {
  return {
    backend: "sqlite",
    label: file,
    reportFile: `${file}.json`,
    jsonl: `${file}.jsonl`,
    exists: async () => fs.existsSync(file),
    async reset() {
      for (const suffix of ["", "-wal", "-shm", ".jsonl"])
        fs.rmSync(`${file}${suffix}`, { force: true });
    },
    open: async () => openBenchmarkStore(file),
    bytes: async () => fs.statSync(file).size,
    warm: () => warmFileCache(file),
  };
}

/** The default PostgreSQL server of `npm run bench` (the machine's own, trust authentication). */
export const DEFAULT_POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

/** The database name of a data set: herald_bench_ARTICLES_VIEWS_SEED. */
export function postgresDatasetName(spec: { articles: number; views: number; seed: number }) {
  return `herald_bench_${spec.articles}_${spec.views}_${spec.seed}`;
}

/**
 * The database `name` on the PostgreSQL server of `serverUrl` (created by
 * lib/news/postgres/create-database.ts, with collation C), its report and JSON Lines in the
 * folder `work` (under the same name).
 */
export function postgresTarget(serverUrl: string, name: string, work: string): DatasetTarget {
  const database = () => postgresBenchDatabase(serverUrl, name);
  return {
    backend: "postgres",
    label: databaseUrlOf(serverUrl, name),
    reportFile: `${work}/${name}.json`,
    jsonl: `${work}/${name}.jsonl`,
    exists: async () => (await database()).exists(),
    reset: async () => (await database()).reset(),
    open: () => openPostgresBenchmarkStore(databaseUrlOf(serverUrl, name)),
    bytes: async () => (await database()).bytes(),
    warm: async () => (await database()).warm(),
  };
}

/** `serverUrl` with its database name replaced by `name`. */
function databaseUrlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export { postgresAnswers } from "../../lib/news/bench";
