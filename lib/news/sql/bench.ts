import { sql } from "kysely";
import type { BenchmarkStore, BulkPageView } from "../bench";
import type { NewsStore } from "../store";
import type { DB } from "./db";

/** Views written per transaction when loading a data set. */
const VIEW_BATCH = 50_000;

/**
 * The queries of {@link BenchmarkStore} that read alike on both backends, over the open `db` and
 * the {@link NewsStore} `store` built on it. `insertRows` writes one batch of page views inside
 * the transaction it is given (each backend has its fastest form); after the last batch the
 * planner's statistics are refreshed (`analyze`, valid on SQLite and PostgreSQL).
 */
export function benchmarkStoreOver(
  db: DB,
  store: NewsStore,
  insertRows: (trx: DB, rows: readonly BulkPageView[]) => Promise<void>,
): BenchmarkStore {
  return {
    store,
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
        if (rows.length > 0) await db.transaction().execute((trx) => insertRows(trx, rows));
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
    async publishedPaths(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("articles")
        .select(["id", "slug"])
        .where("id", "in", [...ids])
        .where("status", "=", "published")
        .orderBy("id")
        .execute();
      return rows.map((r) => `/article/${r.id}/${r.slug}`);
    },
    close: () => db.destroy(),
  };
}
