import fs from "node:fs";
import path from "node:path";
import { slugify } from "../../lib/format/slug";
import Database from "better-sqlite3";
import { openE2eDatabase, type E2eDatabase } from "./database";
import { E2E_DB_PATH, PROJECT_ROOT } from "./env";

/**
 * What the tests expect, read from the default content the server was seeded with (content/),
 * and read-only lookups in the suite's database (data/e2e/herald.db).
 */
function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "content", file), "utf8")) as T;
}

export type PublicationFile = {
  name: string;
  sections: Array<{ name: string; subsections: string[] }>;
  rails: string[];
  footer_links: string[];
  footer_lines: Record<string, string>;
};

export type SeedArticleFile = {
  headline: string;
  byline: string;
  author: { name: string; kind: string };
  section: string;
  subsection: string;
  published: string;
  updated: string;
  lead_image: { caption: string; credit: string; file: string | null };
  body: string[];
};

export type CorpusRecord = { id: string; headline: string; published: string; body: string[] };

export type StandingPagesFile = Record<string, { title: string; paragraphs: string[] }>;

export const publication = readJson<PublicationFile>("publication.json");
export const seedArticle = readJson<SeedArticleFile>("seed-article.json");
export const standingPages = readJson<StandingPagesFile>("pages.json");
export const footerLinks = readJson<{ footer: Array<{ label: string; href: string }> }>(
  "publication-links.json",
).footer;
export const corpus: CorpusRecord[] = fs
  .readFileSync(path.join(PROJECT_ROOT, "content", "news-corpus.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as CorpusRecord);

export type SectionFront = { name: string; path: string; parent: string | null };

/** Every section front: the 9 top-level sections, then every subsection, with their paths. */
export const sectionFronts: SectionFront[] = publication.sections.flatMap((top) => {
  const topPath = `/${slugify(top.name)}`;
  return [
    { name: top.name, path: topPath, parent: null },
    ...top.subsections.map((name) => ({
      name,
      path: `${topPath}/${slugify(name)}`,
      parent: top.name,
    })),
  ];
});

/** Opens the suite's database read-only (the server owns it and keeps writing to it). */
export function withDatabase<T>(read: (db: E2eDatabase) => T): T {
  const db = openE2eDatabase({ readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * The path of the section front story `id` is filed under ("/world/world-news"), read from
 * `database` (the suite's by default) read-only.
 */
export function frontOfStory(id: number, database = E2E_DB_PATH): string {
  const db: E2eDatabase =
    database === E2E_DB_PATH
      ? openE2eDatabase({ readonly: true })
      : new Database(database, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        "select p.slug as top, s.slug as sub from articles a join sections s on s.id = a.section_id left join sections p on p.id = s.parent_id where a.id = ?",
      )
      .get(id) as { top: string | null; sub: string };
    return row.top ? `/${row.top}/${row.sub}` : `/${row.sub}`;
  } finally {
    db.close();
  }
}

export type ArticleRef = { id: number; slug: string; headline: string; path: string };

function toRef(row: { id: number; slug: string; headline: string }): ArticleRef {
  return { ...row, path: `/article/${row.id}/${row.slug}` };
}

/** The article imported from the record with this import id (corpus "id"), as stored. */
export function articleByExternalId(externalId: string): ArticleRef {
  const row = withDatabase(
    (db) =>
      db
        .prepare("select id, slug, headline from articles where external_id = ?")
        .get(externalId) as { id: number; slug: string; headline: string } | undefined,
  );
  if (!row) throw new Error(`No article imported from "${externalId}" in ${E2E_DB_PATH}`);
  return toRef(row);
}

/** The seed article (content/seed-article.json), found by its headline; its id is whatever the import gave it. */
export function seedArticleRef(): ArticleRef {
  const rows = withDatabase(
    (db) =>
      db
        .prepare("select id, slug, headline from articles where headline = ?")
        .all(seedArticle.headline) as Array<{ id: number; slug: string; headline: string }>,
  );
  if (rows.length !== 1)
    throw new Error(`Expected one seed article, found ${rows.length} in ${E2E_DB_PATH}`);
  return toRef(rows[0]!);
}

/** The number of page_views rows of an article. */
export function pageViewCount(articleId: number): number {
  return withDatabase(
    (db) =>
      (
        db.prepare("select count(*) as n from page_views where article_id = ?").get(articleId) as {
          n: number;
        }
      ).n,
  );
}

export { slugify };

/**
 * The paths of the section fronts that show at least one public story now (a top-level front
 * shows its subsections' too), read from the suite's database.
 */
export function frontsWithStories(): string[] {
  const now = new Date().toISOString();
  const sections = withDatabase((db) =>
    db
      .prepare(
        `select distinct s.slug as sub, p.slug as top from articles a
           join sections s on s.id = a.section_id left join sections p on p.id = s.parent_id
          where a.status in ('published', 'scheduled') and a.withdrawn_at is null and a.published_at <= ?`,
      )
      .all(now),
  ) as Array<{ sub: string; top: string | null }>;
  const paths = new Set(
    sections.flatMap(({ sub, top }) => (top ? [`/${top}`, `/${top}/${sub}`] : [`/${sub}`])),
  );
  return sectionFronts.map((f) => f.path).filter((path) => paths.has(path));
}
