import { CompiledQuery, type Kysely } from "kysely";
import type { AuthorTable, Database } from "../schema";
import { dialectOf } from "../db";
import type { SearchDocument } from "../search/document";
import { WIKINEWS_AUTHOR, type PreparedRecord } from "../../../import/parse";
import { findInvalidUnicode } from "../../../import/unicode";
import { articleWriter } from "./article-writer";
import { legacyHolders } from "./legacy-holders";
import { linkWriter } from "./link-writer";

/**
 * The importer's writes: one batch of validated records into articles, bylines and tags, with
 * prepared SQL (no query building per row: the importer writes a few rows per article, thousands
 * of articles a second), on either backend (`?` placeholders, numbered for PostgreSQL). Called
 * inside the batch's transaction, under the backend's BatchIndexer (SQLite: search triggers off,
 * lib/news/sqlite/search/index-sync.ts): it returns what the search indexes need.
 */

/** Agencies whose name alone makes a byline an agency credit ("By Yonhap"). */
const AGENCIES = new Set(["Yonhap", "AP", "AFP", "Reuters", "Xinhua", "Kyodo", "Bloomberg"]);

type Named = { id: number; name: string };

/** Ids of what records refer to, by path, file or slug; filled as authors and tags are added. */
export type Lookups = {
  sections: Map<string, number>;
  images: Map<string, { id: number; alt: string }>;
  authors: Map<string, Named>;
  tags: Map<string, Named>;
};

/** Loads every section path, image, author and tag (a few thousand rows at most). */
export async function loadLookups(db: Kysely<Database>): Promise<Lookups> {
  const sections = await db.selectFrom("sections").select(["id", "slug", "parent_id"]).execute();
  const slugById = new Map(sections.map((s) => [s.id, s.slug]));
  const sectionPaths = new Map(
    sections.map((s) => [s.parent_id ? `${slugById.get(s.parent_id)}/${s.slug}` : s.slug, s.id]),
  );
  const images = await db.selectFrom("images").select(["id", "file", "alt"]).execute();
  const authors = await db.selectFrom("authors").select(["id", "slug", "name"]).execute();
  const tags = await db.selectFrom("tags").select(["id", "slug", "name"]).execute();
  return {
    sections: sectionPaths,
    images: new Map(images.map((i) => [i.file, { id: i.id, alt: i.alt }])),
    authors: new Map(authors.map((a) => [a.slug, { id: a.id, name: a.name }])),
    tags: new Map(tags.map((t) => [t.slug, { id: t.id, name: t.name }])),
  };
}

const EXISTING = {
  sqlite:
    "select id, external_id, legacy_id from articles where external_id in (select value from json_each(?))",
  postgres: "select id, external_id, legacy_id from articles where external_id = any(?::text[])",
};
const LEGACY_HOLDERS = {
  sqlite:
    "select external_id, legacy_id from articles where legacy_id in (select value from json_each(?))",
  postgres: "select external_id, legacy_id from articles where legacy_id = any(?::text[])",
};

/** What writing a batch did: counts, the records refused (line, reason), the documents to index. */
export type BatchOutcome = {
  inserted: number;
  updated: number;
  skipped: Array<{ line: number; reason: string }>;
  documents: SearchDocument[];
};

/**
 * Writes a batch in input order (a later line with the same `id` updates the earlier one).
 * Records that hold text that is not valid Unicode (lib/import/unicode.ts), refer to an unknown
 * section or image, or reuse another article's legacy id, are refused with a reason, before any
 * of their rows are written. Throws only on database errors.
 */
export async function writeBatch(
  db: Kysely<Database>,
  items: readonly PreparedRecord[],
  lookups: Lookups,
): Promise<BatchOutcome> {
  const run = runner(db);
  const postgres = dialectOf(db) === "postgres";
  const outcome: BatchOutcome = { inserted: 0, updated: 0, skipped: [], documents: [] };
  const links = linkWriter(run);
  const articles = articleWriter(run);
  const list = (values: string[]) => (postgres ? values : JSON.stringify(values));
  const ids = new Map<string, number>();
  const externalIds = items.map((i) => i.record.id);
  const found = await run(postgres ? EXISTING.postgres : EXISTING.sqlite, [list(externalIds)]);
  const legacy = legacyHolders(found.rows);
  for (const row of found.rows) ids.set(row.external_id as string, row.id as number);
  const legacyIds = items.flatMap((i) => (i.record.legacy_id ? [i.record.legacy_id] : []));
  if (legacyIds.length > 0)
    legacy.add(
      (await run(postgres ? LEGACY_HOLDERS.postgres : LEGACY_HOLDERS.sqlite, [list(legacyIds)]))
        .rows,
    );
  await articles.reserve(new Set(externalIds.filter((id) => !ids.has(id))).size);

  for (const item of items) {
    const { line, record, sectionPath } = item;
    // The schema refuses such text (lib/import/record.ts); this is the last gate before SQLite,
    // for records from any parser (importJsonLines' `parse` option). bodyJson holds the text of
    // bodyText again, so it is not read twice (this thread is the import's limit, decision 014).
    const { bodyText, slug, author } = item;
    const damaged = findInvalidUnicode({
      record,
      bodyText,
      sectionPath,
      slug,
      author,
      tags: item.tags,
    });
    if (damaged) {
      outcome.skipped.push({ line, reason: damaged });
      continue;
    }
    const sectionId = lookups.sections.get(sectionPath);
    if (sectionId === undefined) {
      outcome.skipped.push({ line, reason: `section: no section at "${sectionPath}"` });
      continue;
    }
    const image = leadImage(record, lookups);
    if (typeof image === "string") {
      outcome.skipped.push({ line, reason: image });
      continue;
    }
    const other = legacy.otherHolder(record.legacy_id, record.id);
    if (other !== undefined) {
      outcome.skipped.push({
        line,
        reason: `legacy_id: "${record.legacy_id}" already belongs to "${other}"`,
      });
      continue;
    }
    legacy.take(record.legacy_id, record.id);
    const values = [
      record.id,
      item.slug,
      record.headline,
      record.standfirst ?? "",
      item.bodyJson,
      sectionId,
      record.status,
      record.published,
      record.updated ?? record.published,
      image,
      record.lead_image?.caption ?? null,
      record.lead_image?.credit ?? null,
      record.source_url ?? null,
      record.licence ?? null,
      record.legacy_id ?? null,
    ];
    let articleId = ids.get(record.id);
    const replaces = articleId !== undefined;
    if (articleId !== undefined) {
      if (!articles.isPending(articleId)) {
        await run("delete from article_authors where article_id = ?", [articleId]);
        await run("delete from article_tags where article_id = ?", [articleId]);
      }
      await articles.update(articleId, values);
      links.forget(articleId);
      outcome.updated += 1;
    } else {
      articleId = await articles.insert(values);
      ids.set(record.id, articleId);
      outcome.inserted += 1;
    }

    const authors: string[] = [];
    if (item.author) {
      const author = await ensureAuthor(run, lookups, item.author, record.author_kind);
      await links.byline(articleId, author.id);
      authors.push(author.name);
    }

    const tags = new Map<number, string>();
    for (const name of item.tags) {
      const tag = await ensureTag(run, lookups, name);
      tags.set(tag.id, tag.name);
    }
    const tagIds = [...tags.keys()].sort((a, b) => a - b);
    for (const tagId of tagIds) await links.tag(articleId, tagId);

    outcome.documents.push({
      id: articleId,
      headline: record.headline,
      standfirst: record.standfirst ?? "",
      body: item.bodyText,
      tags: tagIds.map((id) => tags.get(id) ?? ""),
      authors,
      sectionId,
      publishedAt: record.published,
      replaces,
    });
  }
  await articles.flush();
  await links.flush();
  return outcome;
}

/** The lead photo's id, null for none, or the reason the record is refused. */
function leadImage(record: PreparedRecord["record"], lookups: Lookups): number | null | string {
  const file = record.lead_image?.file;
  if (!file) return null;
  const image = lookups.images.get(file);
  if (!image) return `lead_image.file: no image named "${file}"`;
  // Every photo we print needs alt text: a photo stored without it is flagged, not printed.
  if (image.alt.trim() === "") return `lead_image.file: image "${file}" has no alt text`;
  return image.id;
}

export type Run = ((
  query: string,
  parameters: unknown[],
) => Promise<{ insertId?: bigint; rows: Array<Record<string, unknown>> }>) & { postgres: boolean };

/**
 * Runs SQL written with `?` placeholders on either backend: PostgreSQL's driver wants `$1, $2…`
 * (the statements here hold no other question mark).
 */
function runner(db: Kysely<Database>): Run {
  const postgres = dialectOf(db) === "postgres";
  const run = (query: string, parameters: unknown[]) => {
    let n = 0;
    const text = postgres ? query.replace(/\?/g, () => `$${(n += 1)}`) : query;
    return db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, parameters));
  };
  return Object.assign(run, { postgres });
}

/** Runs an insert and returns the new row's id (SQLite: its rowid; PostgreSQL: `returning id`). */
async function insertId(run: Run, query: string, parameters: unknown[]): Promise<number> {
  if (!run.postgres) return Number((await run(query, parameters)).insertId);
  const { rows } = await run(`${query} returning id`, parameters);
  return Number(rows[0]?.id);
}

async function ensureAuthor(
  run: Run,
  lookups: Lookups,
  { name, slug }: { name: string; slug: string },
  kind: AuthorTable["kind"] | undefined,
): Promise<Named> {
  const known = lookups.authors.get(slug);
  if (known !== undefined) return known;
  const resolvedKind =
    kind ?? (name === WIKINEWS_AUTHOR ? "collective" : AGENCIES.has(name) ? "agency" : "staff");
  const id = await insertId(run, "insert into authors (slug, name, kind) values (?, ?, ?)", [
    slug,
    name,
    resolvedKind,
  ]);
  const author = { id, name };
  lookups.authors.set(slug, author);
  return author;
}

async function ensureTag(
  run: Run,
  lookups: Lookups,
  { name, slug }: { name: string; slug: string },
): Promise<Named> {
  const known = lookups.tags.get(slug);
  if (known !== undefined) return known;
  const tag = {
    id: await insertId(run, "insert into tags (slug, name) values (?, ?)", [slug, name]),
    name,
  };
  lookups.tags.set(slug, tag);
  return tag;
}
