import type { BenchmarkStore } from "../bench";
import { benchmarkStoreOver } from "../sql/bench";
import { openDatabase } from "./connection";
import { sqliteStore } from "./store";

/** The SQLite side of {@link BenchmarkStore}, over the database file `file`. */
export function openSqliteBenchmarkStore(file: string): BenchmarkStore {
  const db = openDatabase(file);
  return benchmarkStoreOver(db, sqliteStore(db), async (trx, rows) => {
    // SQLite binds at most 32,766 values per statement: 300 rows of 3.
    for (let i = 0; i < rows.length; i += 300)
      await trx
        .insertInto("page_views")
        .values(
          rows.slice(i, i + 300).map(([article_id, reader_hash, viewed_at]) => ({
            article_id,
            reader_hash,
            viewed_at,
          })),
        )
        .execute();
  });
}
