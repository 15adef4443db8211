import { sql } from "kysely";
import type { BenchmarkStore, BulkPageView } from "../bench";
import { openDatabase } from "./connection";
import { sqliteStore } from "./store";

/** Views written per transaction when loading a data set. */
const VIEW_BATCH = 50_000;

/** The SQLite side of {@link BenchmarkStore}, over the database file `file`. */
export function openSqliteBenchmarkStore(file: string): BenchmarkStore {
  const db = openDatabase(file);
  return {
    store: sqliteStore(db),
    async idRange(prefix) {
      const row = await db
        .selectFrom("articles")
        .select((eb) => [eb.fn.min("id").as("first"), eb.fn.max("id").as("last")])
        .where("external_id", "like", `${prefix}%`)
        .executeTakeFirstOrThrow();
      return { first: Number(row.first), last: Number(row.last) };
    },
    async maxArticleId() {
      const row = await db
        .selectFrom("articles")
        .select((eb) => eb.fn.max("id").as("max"))
        .executeTakeFirstOrThrow();
      return Number(row.max ?? 0);
    },
    async insertPageViews(views: Iterable<BulkPageView>) {
      let batch: BulkPageView[] = [];
      const flush = async () => {
        const rows = batch;
        batch = [];
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < rows.length; i += 300) {
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
          }
        });
      };
      for (const view of views) {
        batch.push(view);
        if (batch.length === VIEW_BATCH) await flush();
      }
      await flush();
      await sql`analyze`.execute(db);
    },
    async forgetRanking() {
      await db.deleteFrom("most_read").execute();
    },
    async samples(prefix) {
      const article = await db
        .selectFrom("articles")
        .select(["id", "slug"])
        .where("external_id", "like", `${prefix}%`)
        .where("status", "=", "published")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      const draft = await db
        .selectFrom("articles")
        .select("id")
        .where("status", "=", "draft")
        .orderBy("id")
        .limit(1)
        .executeTakeFirstOrThrow();
      return { article, draftId: draft.id };
    },
    close: () => db.destroy(),
  };
}
