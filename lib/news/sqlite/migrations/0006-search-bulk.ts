import { sql, type Kysely, type RawBuilder } from "kysely";

/**
 * Bulk writes to the search indexes (issue 6: the importer's budget of 5,000 articles a second).
 *
 * - A row with id 2 in `search_defer` now means "a bulk writer indexes what it writes itself":
 *   every search trigger of 0004 is replaced by the same trigger with a `when` clause that skips
 *   it while that row exists (lib/news/sqlite/search/index-sync.ts, `withBulkSearchIndex`). Id 1 keeps its
 *   meaning (deferred: note the articles in `search_dirty`). Without either row, nothing changes.
 *   FTS5 flushes its pending terms whenever a later statement of the transaction opens a
 *   savepoint, which every article insert with triggers does; indexed by triggers, each
 *   headline became a segment of its own (about 40 µs an article, with the merges).
 * - Both FTS5 tables keep up to 64 MB of pending terms before writing a segment (`hashsize`,
 *   1 MB by default): a batch of a few thousand articles becomes one segment at its commit
 *   instead of one per 250 articles, which halves the cost of indexing (fewer merges). Pending
 *   terms live only until the transaction commits, so this bounds the memory of one write.
 *
 * What is indexed, and how queries read the indexes, do not change. The SQL is written out here,
 * as in 0004, so the migration stays as shipped whatever lib/search becomes.
 */

const DEFER_ROW = 1;
const BULK_ROW = 2;
const deferred = sql.raw(`exists (select 1 from search_defer where id = ${DEFER_ROW})`);
const bulk = sql.raw(`exists (select 1 from search_defer where id = ${BULK_ROW})`);

const reindex = (ids: RawBuilder<unknown>, isDeferred: RawBuilder<unknown>) => sql`
  insert or ignore into search_dirty (article_id) select * from (${ids}) where ${isDeferred};
  delete from article_search where rowid in (${ids}) and not ${isDeferred};
  insert into article_search (rowid, headline, standfirst, body, tags, authors, facets)
    select * from article_search_documents where id in (${ids}) and not ${isDeferred} order by id;`;

const one = (column: string) => sql`select ${sql.raw(column)}`;

/** Every search trigger: name, event, and body, given the test for "deferred". */
function triggers(
  isDeferred: RawBuilder<unknown>,
): Array<[name: string, event: string, body: RawBuilder<unknown>]> {
  const list: Array<[string, string, RawBuilder<unknown>]> = [
    ["article_search_insert", "after insert on articles", reindex(one("new.id"), isDeferred)],
    [
      "article_search_update",
      "after update of headline, standfirst, body_json, section_id, published_at on articles",
      reindex(one("new.id"), isDeferred),
    ],
    [
      "article_search_delete",
      "after delete on articles",
      sql`delete from article_search where rowid = old.id;
        delete from search_dirty where article_id = old.id;`,
    ],
  ];
  for (const table of ["article_tags", "article_authors"]) {
    list.push(
      [
        `${table}_search_insert`,
        `after insert on ${table}`,
        reindex(one("new.article_id"), isDeferred),
      ],
      [
        `${table}_search_delete`,
        `after delete on ${table}`,
        reindex(one("old.article_id"), isDeferred),
      ],
      [
        `${table}_search_update`,
        `after update on ${table}`,
        sql`${reindex(one("old.article_id"), isDeferred)} ${reindex(one("new.article_id"), isDeferred)}`,
      ],
    );
  }
  list.push(
    [
      "tags_search_rename",
      "after update of name on tags",
      reindex(sql`select article_id from article_tags where tag_id = new.id`, isDeferred),
    ],
    [
      "authors_search_rename",
      "after update of name on authors",
      reindex(sql`select article_id from article_authors where author_id = new.id`, isDeferred),
    ],
    [
      "article_headlines_insert",
      "after insert on articles",
      sql`insert into article_headlines (rowid, headline) values (new.id, new.headline);`,
    ],
    [
      "article_headlines_delete",
      "after delete on articles",
      sql`delete from article_headlines where rowid = old.id;`,
    ],
  );
  return list;
}

const HEADLINES_UPDATE = sql`delete from article_headlines where rowid = old.id;
  insert into article_headlines (rowid, headline) values (new.id, new.headline);`;

async function setHashSize(db: Kysely<unknown>, bytes: number): Promise<void> {
  for (const table of ["article_search", "article_headlines"])
    await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('hashsize', ${sql.lit(bytes)})`.execute(
      db,
    );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, event, body] of triggers(deferred)) {
    await sql`drop trigger ${sql.raw(name)}`.execute(db);
    await sql`create trigger ${sql.raw(name)} ${sql.raw(event)} when not ${bulk} begin ${body} end`.execute(
      db,
    );
  }
  await sql`drop trigger article_headlines_update`.execute(db);
  await sql`create trigger article_headlines_update after update of headline on articles
    when old.headline is not new.headline and not ${bulk} begin ${HEADLINES_UPDATE} end`.execute(
    db,
  );
  await setHashSize(db, 64 * 1024 * 1024);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Back to 0004's triggers: no bulk row, and any row of search_defer defers.
  for (const [name, event, body] of triggers(sql.raw("exists (select 1 from search_defer)"))) {
    await sql`drop trigger ${sql.raw(name)}`.execute(db);
    await sql`create trigger ${sql.raw(name)} ${sql.raw(event)} begin ${body} end`.execute(db);
  }
  await sql`drop trigger article_headlines_update`.execute(db);
  await sql`create trigger article_headlines_update after update of headline on articles
    when old.headline is not new.headline begin ${HEADLINES_UPDATE} end`.execute(db);
  await setHashSize(db, 1024 * 1024);
}
