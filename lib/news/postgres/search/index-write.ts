import { sql, type Kysely, type QueryExecutorProvider } from "kysely";
import type { DB } from "../../sql/db";
import { storedBodyText } from "../../../content/blocks";
import type { BatchIndexer, SearchDocument } from "../../sql/search/document";
import { documentVector, headlineVector } from "./tsvector";

/**
 * Writing PostgreSQL's search index (`article_search`, migration 0004-search). There are no
 * triggers: the vectors are built from our own tokens in JavaScript (tsvector.ts), so whoever
 * writes an article's text, tags or bylines indexes it in the same transaction. Today that is
 * the importer (and the seed, through it); a new writer of article text must call indexDocuments.
 */

/** Rows per insert statement (3 parameters each; PostgreSQL takes up to 65,535). */
const ROWS_PER_INSERT = 500;

/**
 * Writes (or replaces) the index rows of `documents`, several hundred rows a statement. An
 * article given twice is indexed once, as last given. The vectors of the next statement are
 * built (in JavaScript, tsvector.ts) while PostgreSQL writes the previous one, so the two
 * overlap (each takes about half the time).
 */
export async function indexDocuments(
  db: QueryExecutorProvider,
  documents: readonly SearchDocument[],
): Promise<void> {
  const latest = new Map(documents.map((d) => [d.id, d]));
  const sorted = [...latest.values()].sort((a, b) => a.id - b.id);
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for (let i = 0; i < sorted.length; i += ROWS_PER_INSERT) {
      const rows = sorted
        .slice(i, i + ROWS_PER_INSERT)
        .map(
          (d) =>
            sql`(${d.id}, ${documentVector(d)}::tsvector, ${headlineVector(d.headline)}::tsvector)`,
        );
      await writing;
      writing =
        sql`insert into article_search (article_id, document, headline) values ${sql.join(rows)}
        on conflict (article_id) do update set document = excluded.document, headline = excluded.headline`.execute(
          db,
        );
    }
  } catch (error) {
    // Building the next rows failed with an insert in flight: settle it before throwing.
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
}

/** Documents from which a batch's indexing is a bulk load (an import's, not a publish's). */
const BULK_DOCUMENTS = 500;
/** The search indexes this role owns: only an owner may merge their pending lists. */
const OWNED_GIN = sql`from pg_class c
  where c.oid in ('article_search_document'::regclass, 'article_search_headline'::regclass)
    and pg_has_role(c.relowner, 'USAGE')`;

/**
 * The importer's indexing on PostgreSQL (BatchIndexer): write the batch, then index it. GIN
 * gathers new entries in a pending list and merges it into the index whenever it passes
 * `gin_pending_list_limit` (4 MB by default, a few hundred articles). For a bulk batch (an
 * import's, of BULK_DOCUMENTS or more) the limit is raised to 64 MB and the list merged once at
 * the batch's end (5,000 articles: 2.9 s instead of 3.2-3.9 s), so searches after the commit
 * find no longer a list than usual (searches during the batch read a longer one). Merging needs
 * the index's owner: a role that may only write the tables keeps the default limit.
 */
export const indexBatch: BatchIndexer = async (trx, write) => {
  const documents = await write();
  const bulk = documents.length >= BULK_DOCUMENTS;
  if (bulk)
    await sql`select set_config('gin_pending_list_limit', '65536', true) ${OWNED_GIN}
      and c.relname = 'article_search_document'`.execute(trx);
  await indexDocuments(trx, documents);
  if (bulk) await sql`select gin_clean_pending_list(c.oid) ${OWNED_GIN}`.execute(trx);
  return new Set(documents.map((d) => d.id)).size;
};

/** Articles read at a time by rebuildSearchIndex. */
const REBUILD_CHUNK = 1_000;

/**
 * Indexes every article from the tables (a database migrated with articles already in it), a
 * chunk at a time. Tags and bylines in id order, as the importer's documents list them.
 */
export async function rebuildSearchIndex(db: Kysely<unknown> | DB): Promise<number> {
  const typed = db as unknown as DB;
  let after = 0;
  let count = 0;
  for (;;) {
    const articles = await typed
      .selectFrom("articles")
      .select(["id", "headline", "standfirst", "body_json", "section_id", "published_at"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(REBUILD_CHUNK)
      .execute();
    if (articles.length === 0) return count;
    const ids = articles.map((a) => a.id);
    const tags = await typed
      .selectFrom("article_tags as at")
      .innerJoin("tags as t", "t.id", "at.tag_id")
      .select(["at.article_id", "t.name"])
      .where("at.article_id", "in", ids)
      .orderBy("t.id")
      .execute();
    const authors = await typed
      .selectFrom("article_authors as aa")
      .innerJoin("authors as au", "au.id", "aa.author_id")
      .select(["aa.article_id", "au.name"])
      .where("aa.article_id", "in", ids)
      .orderBy("au.id")
      .execute();
    const tagsOf = namesByArticle(tags);
    const authorsOf = namesByArticle(authors);
    await indexDocuments(
      db,
      articles.map((a) => ({
        id: a.id,
        headline: a.headline,
        standfirst: a.standfirst,
        body: storedBodyText(a.body_json),
        tags: tagsOf.get(a.id) ?? [],
        authors: authorsOf.get(a.id) ?? [],
        sectionId: a.section_id,
        publishedAt: a.published_at,
        replaces: true,
      })),
    );
    count += articles.length;
    after = ids[ids.length - 1]!;
  }
}

/** Names grouped by article id, in the order of `rows`: one pass, not one scan per article. */
function namesByArticle(rows: Array<{ article_id: number; name: string }>): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const { article_id, name } of rows) {
    const list = names.get(article_id);
    if (list) list.push(name);
    else names.set(article_id, [name]);
  }
  return names;
}
