import { openSqliteBenchmarkStore } from "./sqlite/bench";
import type { NewsStore } from "./store";

/** One generated page view: a story, the stored (hashed) reader id, when (ISO 8601 UTC). */
export type BulkPageView = [articleId: number, readerHash: string, viewedAt: string];

/**
 * What `npm run bench` needs of a backend beyond the {@link NewsStore} pages use: loading a data
 * set in bulk, and finding the stories it measures. Implemented beside each backend
 * (lib/news/sqlite/bench.ts), so the benchmark itself never touches storage internals and times
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
  /** Closes the database. */
  close(): Promise<void>;
};

/** Opens the benchmark's database file (the embedded backend); migrating is `store.migrate()`. */
export function openBenchmarkStore(file: string): BenchmarkStore {
  return openSqliteBenchmarkStore(file);
}
