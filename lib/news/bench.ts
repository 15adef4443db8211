import { openSqliteBenchmarkStore } from "./sqlite/bench";
import type { NewsStore } from "./store";

/** One generated page view: a story, the stored (hashed) reader id, when (ISO 8601 UTC). */
export type BulkPageView = [articleId: number, readerHash: string, viewedAt: string];

/**
 * What `npm run bench` needs of a backend beyond the {@link NewsStore} pages use: loading a data
 * set in bulk, and finding the stories it measures. Implemented beside each backend
 * (lib/news/sqlite/bench.ts, lib/news/postgres/bench.ts; shared queries in lib/news/sql/bench.ts), so the benchmark itself never touches storage internals and times
 * exactly the reads the pages make.
 */
export type BenchmarkStore = {
  /** The news store over the benchmark's database. */
  store: NewsStore;
  /** The first and last id of the stories whose import id starts with `prefix`. */
  idRange(prefix: string): Promise<{ first: number; last: number }>;
  /** The highest story id (0 for none). */
  maxArticleId(): Promise<number>;
  /** Inserts page views in bulk, in large transactions (data-set set-up, not the app's path). */
  insertPageViews(views: Iterable<BulkPageView>): Promise<void>;
  /** Drops the stored MOST POPULAR ranking, so the next read ranks afresh. */
  forgetRanking(): Promise<void>;
  /** The newest published story whose import id starts with `prefix`, and the first draft. */
  samples(prefix: string): Promise<{ article: { id: number; slug: string }; draftId: number }>;
  /** The article paths (/article/ID/SLUG) of those of `ids` that are published, by id. */
  publishedPaths(ids: readonly number[]): Promise<string[]>;
  /** Closes the database. */
  close(): Promise<void>;
};

/** Opens the benchmark's database file (the embedded backend); migrating is `store.migrate()`. */
export function openBenchmarkStore(file: string): BenchmarkStore {
  return openSqliteBenchmarkStore(file);
}

/**
 * Opens the benchmark's PostgreSQL database at `url` (postgres://...), loading the backend only
 * when asked, as lib/news/connect.ts does; migrating is `store.migrate()`.
 */
export async function openPostgresBenchmarkStore(url: string): Promise<BenchmarkStore> {
  const { openPostgresBenchmarkStore: open } = await import("./postgres/bench");
  return open(url);
}

/** A PostgreSQL database of the benchmark's own (lib/news/postgres/bench.ts). */
export type BenchDatabase = {
  /** postgres://.../NAME */
  url: string;
  exists(): Promise<boolean>;
  /** Drops it (ending its connections) and creates it again, empty, with collation C. */
  reset(): Promise<void>;
  /** Its size on disk (pg_database_size). */
  bytes(): Promise<number>;
  /**
   * Reads every table, index and TOAST table of it once (pg_prewarm's `read` mode), so the OS
   * holds them as the SQLite file is held before its timings; returns the bytes read.
   */
  warm(): Promise<number>;
};

/** The database `name` on the PostgreSQL server of `serverUrl`; see {@link BenchDatabase}. */
export async function postgresBenchDatabase(serverUrl: string, name: string) {
  const { postgresBenchDatabase: open } = await import("./postgres/bench");
  return open(serverUrl, name);
}

/** Whether a PostgreSQL server answers at `serverUrl` within 3 s (false, never throws). */
export async function postgresAnswers(serverUrl: string): Promise<boolean> {
  const { postgresAnswers: answers } = await import("./postgres/bench");
  return answers(serverUrl);
}
