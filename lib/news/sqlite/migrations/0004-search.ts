import { sql, type Kysely, type RawBuilder } from "kysely";

/**
 * Full-text search (issue 7): an FTS5 index of every article's headline, standfirst, body text,
 * tag names and author names, kept in step with the articles, tags and authors tables by
 * triggers. SQLite-only by nature (FTS5); the PostgreSQL equivalent would be a tsvector column.
 *
 * - `facets`: words a reader can never type (see FACET) naming the article's section
 *   (`\uE000s12`) and its KST publication year and month (`\uE000y2021`, `\uE000m202109`), so
 *   the section and date filters narrow the match inside FTS5 instead of after it.
 * - `article_search`: contentless FTS5 (`content=''`) with `contentless_delete=1`, so a row can
 *   be deleted by rowid without knowing what was indexed (the rowid is the article id). It stores
 *   only the index, not a second copy of a million bodies; snippets are cut from the articles
 *   themselves (lib/search/highlight.ts). Tokenizer `unicode61 remove_diacritics 2`: letters and
 *   digits of every script are words (Korean, accented Latin), case and accents are folded, emoji
 *   and punctuation separate words and are never indexed.
 * - Every article is indexed whatever its status: who may see what is decided at query time by
 *   `isPublic` (lib/news/sql/queries/article-rows.ts), so a scheduled story becomes findable at its time and
 *   a withdrawn one disappears at once, without touching the index.
 * - Triggers re-index an article when its text, tags or authors change (and a tag's or author's
 *   name). A writer that changes many rows at once (the importer) may insert a row into
 *   `search_defer` inside its transaction: the triggers then only note the article ids in
 *   `search_dirty`, and the writer indexes them in one pass before committing
 *   (lib/news/sqlite/search/index-sync.ts). Re-indexing a row means delete plus insert, and FTS5 flushes its
 *   pending data on every such repeat, so the importer's five writes per article would otherwise
 *   cost five index writes each.
 *
 * - `article_headlines`: a second, small contentless FTS5 index of headlines alone, with prefix
 *   indexes of 2 and 3 characters, for suggestions while typing: a prefix query ("di*") on the
 *   full index merges the doclists of every word starting so, which takes a second at a million
 *   articles; here it reads one prefix doclist. Kept in step by its own triggers (cheap: headlines
 *   are short, and a re-import that leaves a headline alone does not touch it).
 *
 * This file must stay as shipped: its SQL is written out here, not imported from lib/search.
 * A later change to what is indexed replaces the view `article_search_documents` in a new migration.
 */

/**
 * Facet tokens start with U+E000, a private-use character: unicode61 keeps it inside a word, and
 * the query builder never lets one through, so no reader's word can ever match a facet.
 */
const FACET = sql`char(57344)`;

const deferred = sql`exists (select 1 from search_defer)`;

/**
 * Trigger statements that re-index the articles whose ids `ids` (a subquery) selects now, or
 * note them as dirty while a writer has deferred indexing.
 */
const reindex = (ids: RawBuilder<unknown>) => sql`
  insert or ignore into search_dirty (article_id) select * from (${ids}) where ${deferred};
  delete from article_search where rowid in (${ids}) and not ${deferred};
  insert into article_search (rowid, headline, standfirst, body, tags, authors, facets)
    select * from article_search_documents where id in (${ids}) and not ${deferred} order by id;`;

const one = (column: string) => sql`select ${sql.raw(column)}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table article_search using fts5(
    headline, standfirst, body, tags, authors, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  // What is indexed of each article, as FTS rows; the one definition the triggers and
  // lib/news/sqlite/search/index-sync.ts share. Body text is the blocks' text, one block a line (no JSON).
  await sql`create view article_search_documents (id, headline, standfirst, body, tags, authors, facets) as
    select a.id, a.headline, a.standfirst,
      case when json_valid(a.body_json) then coalesce((select group_concat(json_extract(b.value, '$.text'), char(10))
        from json_each(a.body_json) b), '') else '' end,
      coalesce((select group_concat(t.name, char(10)) from article_tags at
        join tags t on t.id = at.tag_id where at.article_id = a.id), ''),
      coalesce((select group_concat(au.name, char(10)) from article_authors aa
        join authors au on au.id = aa.author_id where aa.article_id = a.id), ''),
      ${FACET} || 's' || a.section_id || case when a.published_at is null then '' else
        ' ' || ${FACET} || 'y' || strftime('%Y', a.published_at, '+9 hours') ||
        ' ' || ${FACET} || 'm' || strftime('%Y%m', a.published_at, '+9 hours') end
    from articles a`.execute(db);
  await db.schema
    .createTable("search_dirty")
    .addColumn("article_id", "integer", (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable("search_defer")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .execute();

  await sql`create trigger article_search_insert after insert on articles begin
    ${reindex(one("new.id"))}
  end`.execute(db);
  await sql`create trigger article_search_update
    after update of headline, standfirst, body_json, section_id, published_at on articles begin
    ${reindex(one("new.id"))}
  end`.execute(db);
  await sql`create trigger article_search_delete after delete on articles begin
    delete from article_search where rowid = old.id;
    delete from search_dirty where article_id = old.id;
  end`.execute(db);

  for (const [table, column] of [
    ["article_tags", "article_id"],
    ["article_authors", "article_id"],
  ] as const) {
    await sql`create trigger ${sql.raw(`${table}_search_insert`)} after insert on ${sql.table(table)} begin
      ${reindex(one(`new.${column}`))}
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_search_delete`)} after delete on ${sql.table(table)} begin
      ${reindex(one(`old.${column}`))}
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_search_update`)} after update on ${sql.table(table)} begin
      ${reindex(one(`old.${column}`))}
      ${reindex(one(`new.${column}`))}
    end`.execute(db);
  }

  // Renaming a tag or an author re-indexes every article that carries it (rare, editors only).
  await sql`create trigger tags_search_rename after update of name on tags begin
    ${reindex(sql`select article_id from article_tags where tag_id = new.id`)}
  end`.execute(db);
  await sql`create trigger authors_search_rename after update of name on authors begin
    ${reindex(sql`select article_id from article_authors where author_id = new.id`)}
  end`.execute(db);

  await sql`create virtual table article_headlines using fts5(
    headline,
    content = '', contentless_delete = 1, prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger article_headlines_insert after insert on articles begin
    insert into article_headlines (rowid, headline) values (new.id, new.headline);
  end`.execute(db);
  await sql`create trigger article_headlines_update after update of headline on articles
    when old.headline is not new.headline begin
    delete from article_headlines where rowid = old.id;
    insert into article_headlines (rowid, headline) values (new.id, new.headline);
  end`.execute(db);
  await sql`create trigger article_headlines_delete after delete on articles begin
    delete from article_headlines where rowid = old.id;
  end`.execute(db);

  // Existing articles (a database upgraded in place).
  await sql`insert into article_headlines (rowid, headline)
    select id, headline from articles order by id`.execute(db);
  await sql`insert into article_search (rowid, headline, standfirst, body, tags, authors, facets)
    select * from article_search_documents order by id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of [
    "article_search_insert",
    "article_search_update",
    "article_search_delete",
    "article_tags_search_insert",
    "article_tags_search_delete",
    "article_tags_search_update",
    "article_authors_search_insert",
    "article_authors_search_delete",
    "article_authors_search_update",
    "tags_search_rename",
    "authors_search_rename",
    "article_headlines_insert",
    "article_headlines_update",
    "article_headlines_delete",
  ])
    await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
  await sql`drop table if exists article_search`.execute(db);
  await sql`drop table if exists article_headlines`.execute(db);
  await sql`drop view if exists article_search_documents`.execute(db);
  await db.schema.dropTable("search_dirty").ifExists().execute();
  await db.schema.dropTable("search_defer").ifExists().execute();
}
