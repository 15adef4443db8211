import { sql, type Kysely, type Transaction } from "kysely";
import { dialectOf, type DB } from "../db";
import type { Database } from "../schema";
import type { BatchIndexer } from "../search/document";
import type { PreparedRecord } from "../../../import/parse";
import { parsedChunks, type ChunkParser, type LineSource } from "../../../import/parse-pipeline";
import { loadLookups, writeBatch } from "./write-batch";
import type { ImportReport } from "../../../import/report";

export { WIKINEWS_AUTHOR } from "../../../import/parse";

export type { ImportReport, SkippedRecord } from "../../../import/report";

/**
 * Records written per transaction. Larger batches make larger search index segments (fewer
 * merges later); 5,000 articles hold about 30 MB of text in memory.
 */
const BATCH_SIZE = 5_000;

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Imports articles from JSON Lines (one record a line; format in docs/content.md, "Import format").
 * Each line is validated on its own: a bad line is reported with its line number and reason and
 * skipped, every valid line is kept. Records are matched on `id`, so a re-run updates articles
 * instead of duplicating them. Lines are written in transactions of 5,000, each with its search
 * indexing (`indexBatch`: the backend's, lib/news/sql/search/document.ts), so a crash leaves whole batches.
 * Takes lines (without their newline) from an array or a stream, or `{ file }` to read a UTF-8
 * file line by line; blank lines are ignored. `parse`: parsedChunksOnThread (parse-thread.ts)
 * parses and validates on a worker thread while this one writes, and reads a file there too
 * (scripts only; run from TypeScript it needs tsx). Throws only on database, file (or worker)
 * errors, never on bad input; and a TypeError for a path given as a bare string.
 */
export async function importJsonLines(
  db: DB,
  indexBatch: BatchIndexer,
  source: LineSource,
  options: {
    /** Called after each batch with the ms spent writing it and the ms spent indexing it for search (and committing). */
    onBatch?: (timing: { writeMs: number; searchIndexMs: number }) => void;
    /** How lines become records: on this thread by default; parse-thread.ts for large files. */
    parse?: ChunkParser;
  } = {},
): Promise<ImportReport> {
  // A string is an iterable of characters: a file's path must come as { file }.
  if (typeof source === "string") throw new TypeError("importJsonLines: pass a file as { file }");
  const report: ImportReport = { inserted: 0, updated: 0, skipped: [] };
  const lookups = await loadLookups(db);
  let batch: PreparedRecord[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const started = performance.now();
    let written = started;
    const write = (trx: Executor) =>
      indexBatch(trx, async () => {
        const outcome = await writeBatch(trx, current, lookups);
        report.inserted += outcome.inserted;
        report.updated += outcome.updated;
        report.skipped.push(...outcome.skipped);
        written = performance.now();
        return outcome.documents;
      });
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    options.onBatch?.({ writeMs: written - started, searchIndexMs: performance.now() - written });
  };

  const restore = await memoryTempStore(db);
  try {
    for await (const chunk of (options.parse ?? parsedChunks)(source)) {
      for (const parsed of chunk) {
        if ("reason" in parsed) report.skipped.push(parsed);
        else batch.push(parsed);
        if (batch.length >= BATCH_SIZE) await flush();
      }
    }
    await flush();
  } finally {
    await restore();
  }
  report.skipped.sort((a, b) => a.line - b.line);
  return report;
}

/**
 * Keeps SQLite's statement journals in memory (SQLite only) for the import (`temp_store`, per connection), and
 * returns what puts the setting back. Each insert with triggers journals the pages it changes;
 * in a file, that wrote four times the database's own growth. Inside a caller's transaction the
 * setting cannot change, and is left alone.
 */
async function memoryTempStore(db: DB): Promise<() => Promise<void>> {
  if (db.isTransaction || dialectOf(db) !== "sqlite") return async () => undefined;
  const { rows } = await sql<{ temp_store: number }>`pragma temp_store`.execute(db);
  const previous = rows[0]?.temp_store ?? 0;
  await sql`pragma temp_store = memory`.execute(db);
  return async () => {
    await sql.raw(`pragma temp_store = ${Number(previous)}`).execute(db);
  };
}
