import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/connection";
import type { AuthorTable, Database } from "../db/schema";
import { slugify } from "../format/slug";
import { withDeferredSearchIndex } from "../search/index-sync";
import { describeIssues, importRecordSchema, type ImportRecord } from "./record";
import { sectionForStory } from "./section-rules";

/** A record that was not imported: its 1-based line number in the file and why. */
export type SkippedRecord = { line: number; reason: string };

export type ImportReport = { inserted: number; updated: number; skipped: SkippedRecord[] };

/** Agencies whose name alone makes a byline an agency credit ("By Yonhap"). */
const AGENCIES = new Set(["Yonhap", "AP", "AFP", "Reuters", "Xinhua", "Kyodo", "Bloomberg"]);
export const WIKINEWS_AUTHOR = "Wikinews contributors";
const BATCH_SIZE = 2_000;

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Imports articles from JSON Lines (one record a line; format in README.md, "Import format").
 * Each line is validated on its own: a bad line is reported with its line number and reason and
 * skipped, every valid line is kept. Records are matched on `id`, so a re-run updates articles
 * instead of duplicating them. Lines are written in transactions of 2,000.
 * Takes lines (without their newline) from an array or a stream; blank lines are ignored.
 * Throws only on database errors, never on bad input.
 */
export async function importJsonLines(
  db: DB,
  lines: Iterable<string> | AsyncIterable<string>,
  options: {
    /** Called after each batch with the ms spent writing it and the ms spent indexing it for search. */
    onBatch?: (timing: { writeMs: number; searchIndexMs: number }) => void;
  } = {},
): Promise<ImportReport> {
  const report: ImportReport = { inserted: 0, updated: 0, skipped: [] };
  const lookups = await loadLookups(db);
  let batch: Array<{ line: number; record: ImportRecord }> = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    // The search index is brought up to date once per batch, inside its transaction.
    const started = performance.now();
    let written = started;
    const write = (trx: Executor) =>
      withDeferredSearchIndex(trx, async () => {
        for (const { line, record } of current) {
          const outcome = await upsertArticle(trx, record, lookups);
          if (typeof outcome === "string") report.skipped.push({ line, reason: outcome });
          else report[outcome.inserted ? "inserted" : "updated"] += 1;
        }
        written = performance.now();
      });
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    options.onBatch?.({ writeMs: written - started, searchIndexMs: performance.now() - written });
  };

  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    const text = raw.trim();
    if (text === "") continue;
    const parsed = parseLine(text);
    if ("reason" in parsed) {
      report.skipped.push({ line: lineNumber, reason: parsed.reason });
      continue;
    }
    batch.push({ line: lineNumber, record: parsed.record });
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  report.skipped.sort((a, b) => a.line - b.line);
  return report;
}

function parseLine(text: string): { record: ImportRecord } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { reason: `not valid JSON (${(error as Error).message})` };
  }
  const result = importRecordSchema.safeParse(json);
  return result.success ? { record: result.data } : { reason: describeIssues(result.error) };
}

type Lookups = {
  sections: Map<string, number>;
  images: Map<string, { id: number; alt: string }>;
  authors: Map<string, number>;
  tags: Map<string, number>;
};

async function loadLookups(db: Executor): Promise<Lookups> {
  const sections = await db.selectFrom("sections").select(["id", "slug", "parent_id"]).execute();
  const slugById = new Map(sections.map((s) => [s.id, s.slug]));
  const sectionPaths = new Map(
    sections.map((s) => [s.parent_id ? `${slugById.get(s.parent_id)}/${s.slug}` : s.slug, s.id]),
  );
  const images = await db.selectFrom("images").select(["id", "file", "alt"]).execute();
  const authors = await db.selectFrom("authors").select(["id", "slug"]).execute();
  const tags = await db.selectFrom("tags").select(["id", "slug"]).execute();
  return {
    sections: sectionPaths,
    images: new Map(images.map((i) => [i.file, { id: i.id, alt: i.alt }])),
    authors: new Map(authors.map((a) => [a.slug, a.id])),
    tags: new Map(tags.map((t) => [t.slug, t.id])),
  };
}

/** Writes one validated record. Returns a reason string when the record refers to unknown things. */
async function upsertArticle(
  db: Executor,
  record: ImportRecord,
  lookups: Lookups,
): Promise<{ inserted: boolean } | string> {
  const sectionPath = record.section ?? sectionForStory(record.headline, record.categories);
  const sectionId = lookups.sections.get(sectionPath);
  if (sectionId === undefined) return `section: no section at "${sectionPath}"`;

  let leadImageId: number | null = null;
  if (record.lead_image?.file) {
    const image = lookups.images.get(record.lead_image.file);
    if (!image) return `lead_image.file: no image named "${record.lead_image.file}"`;
    // Every photo we print needs alt text: a photo stored without it is flagged, not printed.
    if (image.alt.trim() === "")
      return `lead_image.file: image "${record.lead_image.file}" has no alt text`;
    leadImageId = image.id;
  }

  const values = {
    external_id: record.id,
    slug: slugify(record.headline) || "article",
    headline: record.headline,
    standfirst: record.standfirst ?? "",
    body_json: JSON.stringify(record.body.map((text) => ({ type: "paragraph", text }))),
    section_id: sectionId,
    status: record.status,
    published_at: record.published,
    updated_at: record.updated ?? record.published,
    lead_image_id: leadImageId,
    lead_image_caption: record.lead_image?.caption ?? null,
    lead_image_credit: record.lead_image?.credit ?? null,
    source_url: record.source_url ?? null,
    licence: record.licence ?? null,
    legacy_id: record.legacy_id ?? null,
  };

  const existing = await db
    .selectFrom("articles")
    .select("id")
    .where("external_id", "=", record.id)
    .executeTakeFirst();
  if (record.legacy_id) {
    const holder = await db
      .selectFrom("articles")
      .select("external_id")
      .where("legacy_id", "=", record.legacy_id)
      .where("external_id", "!=", record.id)
      .executeTakeFirst();
    if (holder)
      return `legacy_id: "${record.legacy_id}" already belongs to "${holder.external_id}"`;
  }
  let articleId: number;
  if (existing) {
    articleId = existing.id;
    await db.updateTable("articles").set(values).where("id", "=", articleId).execute();
    await db.deleteFrom("article_authors").where("article_id", "=", articleId).execute();
    await db.deleteFrom("article_tags").where("article_id", "=", articleId).execute();
  } else {
    const row = await db
      .insertInto("articles")
      .values(values)
      .returning("id")
      .executeTakeFirstOrThrow();
    articleId = row.id;
  }

  const authorName =
    record.author ?? (record.source_url?.includes("wikinews.org") ? WIKINEWS_AUTHOR : null);
  if (authorName) {
    const authorId = await ensureAuthor(db, lookups, authorName, record.author_kind);
    await db
      .insertInto("article_authors")
      .values({ article_id: articleId, author_id: authorId, position: 0 })
      .execute();
  }

  const tagNames = [...new Set(record.tags ?? record.categories)];
  for (const name of tagNames) {
    const tagId = await ensureTag(db, lookups, name);
    if (tagId !== null) {
      await db
        .insertInto("article_tags")
        .values({ article_id: articleId, tag_id: tagId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  return { inserted: !existing };
}

async function ensureAuthor(
  db: Executor,
  lookups: Lookups,
  name: string,
  kind: AuthorTable["kind"] | undefined,
): Promise<number> {
  const slug = slugify(name) || "author";
  const known = lookups.authors.get(slug);
  if (known !== undefined) return known;
  const resolvedKind =
    kind ?? (name === WIKINEWS_AUTHOR ? "collective" : AGENCIES.has(name) ? "agency" : "staff");
  const row = await db
    .insertInto("authors")
    .values({ slug, name, kind: resolvedKind })
    .returning("id")
    .executeTakeFirstOrThrow();
  lookups.authors.set(slug, row.id);
  return row.id;
}

async function ensureTag(db: Executor, lookups: Lookups, name: string): Promise<number | null> {
  const slug = slugify(name);
  if (!slug) return null;
  const known = lookups.tags.get(slug);
  if (known !== undefined) return known;
  const row = await db
    .insertInto("tags")
    .values({ slug, name })
    .returning("id")
    .executeTakeFirstOrThrow();
  lookups.tags.set(slug, row.id);
  return row.id;
}
