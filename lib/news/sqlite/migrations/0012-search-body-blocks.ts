import { sql, type Kysely, type RawBuilder } from "kysely";

/**
 * The rich body blocks of the newsroom (lib/content/blocks.ts, issue 17) in SQLite's search
 * index. Migration 0004's view `article_search_documents` read each block's `$.text`; a list
 * keeps its text in `$.items[*].text` and a photo in `$.caption`, so stories written in the
 * newsroom (re-indexed by the triggers through this view) lost their list items and captions from
 * search. The view is replaced by one that reads a body as blockText/bodyText do: a list's items
 * one a line, a photo's caption, blocks without text left out. PostgreSQL's index is written from
 * TypeScript (bodyText) and needs no change. Bodies written before this migration hold
 * paragraphs and subheadings only, whose text is read as before, so nothing is re-indexed.
 *
 * This file must stay as shipped: its SQL is written out here.
 */

const FACET = sql`char(57344)`;

function view(body: RawBuilder<unknown>) {
  return sql`create view article_search_documents (id, headline, standfirst, body, tags, authors, facets) as
    select a.id, a.headline, a.standfirst,
      ${body},
      coalesce((select group_concat(t.name, char(10)) from article_tags at
        join tags t on t.id = at.tag_id where at.article_id = a.id), ''),
      coalesce((select group_concat(au.name, char(10)) from article_authors aa
        join authors au on au.id = aa.author_id where aa.article_id = a.id), ''),
      ${FACET} || 's' || a.section_id || case when a.published_at is null then '' else
        ' ' || ${FACET} || 'y' || strftime('%Y', a.published_at, '+9 hours') ||
        ' ' || ${FACET} || 'm' || strftime('%Y%m', a.published_at, '+9 hours') end
    from articles a`;
}

const BLOCKS_BODY = sql`case when json_valid(a.body_json) then coalesce((
        select group_concat(t, char(10)) from (
          select case json_extract(b.value, '$.type')
              when 'list' then (select group_concat(json_extract(i.value, '$.text'), char(10))
                from json_each(b.value, '$.items') i)
              when 'photo' then json_extract(b.value, '$.caption')
              else json_extract(b.value, '$.text') end as t
          from json_each(a.body_json) b order by b.key)
        where t is not null and t <> ''), '') else '' end`;

const TEXT_BODY = sql`case when json_valid(a.body_json) then coalesce((select group_concat(json_extract(b.value, '$.text'), char(10))
        from json_each(a.body_json) b), '') else '' end`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop view article_search_documents`.execute(db);
  await view(BLOCKS_BODY).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view article_search_documents`.execute(db);
  await view(TEXT_BODY).execute(db);
}
