import { sql } from "kysely";
import pg from "pg";
import type { BenchDatabase, BenchmarkStore } from "../bench";
import { benchmarkStoreOver } from "../sql/bench";
import { openPostgres } from "./connection";
import { createDatabase, databaseUrl, dropDatabase } from "./create-database";
import { postgresStore } from "./store";

/**
 * The PostgreSQL side of {@link BenchmarkStore}, over the database at `url`. Page views go in as
 * three arrays unnested by the server: one statement and three parameters per batch, however
 * many rows (PostgreSQL binds at most 65,535 parameters per statement).
 */
export function openPostgresBenchmarkStore(url: string): BenchmarkStore {
  const db = openPostgres(url);
  return benchmarkStoreOver(db, postgresStore(db, url), async (trx, rows) => {
    await sql`insert into page_views (article_id, reader_hash, viewed_at)
      select * from unnest(${rows.map((r) => r[0])}::int[], ${rows.map((r) => r[1])}::text[],
        ${rows.map((r) => r[2])}::text[])`.execute(trx);
  });
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The benchmark's database `name` on the PostgreSQL server of `serverUrl`: its URL, whether it
 * exists, emptying it (dropped and created again by create-database.ts, collation C) and its
 * size in bytes. Throws TypeError on a name create-database.ts would refuse.
 */
export function postgresBenchDatabase(serverUrl: string, name: string): BenchDatabase {
  const url = databaseUrl(serverUrl, name);
  return {
    url,
    exists: () =>
      onServer(
        serverUrl,
        async (c) =>
          (await c.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1,
      ),
    async reset() {
      await dropDatabase(serverUrl, name);
      await createDatabase(serverUrl, name);
    },
    bytes: () =>
      onServer(url, async (c) =>
        Number(
          (await c.query<{ size: string }>("select pg_database_size(current_database()) as size"))
            .rows[0]!.size,
        ),
      ),
    warm: () =>
      onServer(url, async (c) => {
        await c.query("create extension if not exists pg_prewarm");
        const { rows } = await c.query<{ blocks: string | null }>(
          `select sum(pg_prewarm(c.oid, 'read'))::text as blocks from pg_class c
           join pg_namespace n on n.oid = c.relnamespace
           where c.relkind in ('r', 'i', 't') and n.nspname in ('public', 'pg_toast')
             and (n.nspname = 'public' or c.oid in (
               select reltoastrelid from pg_class p join pg_namespace pn on pn.oid = p.relnamespace
               where pn.nspname = 'public'
               union select i.indexrelid from pg_index i join pg_class p on p.reltoastrelid = i.indrelid))`,
        );
        return Number(rows[0]?.blocks ?? 0) * 8192;
      }),
  };
}

/** Whether a PostgreSQL server answers `select 1` at `serverUrl` within 3 s. */
export async function postgresAnswers(serverUrl: string): Promise<boolean> {
  return onServer(serverUrl, (c) => c.query("select 1")).then(
    () => true,
    () => false,
  );
}
