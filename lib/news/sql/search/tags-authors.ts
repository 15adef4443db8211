import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import { dialectOf, type DB } from "../db";
import type { Database } from "../schema";
import { termsIn } from "../../../search/highlight";
import type { SearchTerm } from "../../../search/query";

/**
 * Which search candidates carry the reader's words in their tags or bylines (issue 7: tag names
 * and author names are searched, and rank above the body). Plain Kysely, no FTS5.
 */

/**
 * Tag and author names that hold at least one of `terms` (as the index compares words), by id.
 * SQL narrows the 2,000-odd names to a superset: a plain-ASCII name holding a word holds it
 * lower-cased, which LIKE over lower(name) finds; names with other characters (whose
 * accents fold) are all fetched. JavaScript then decides exactly, with termsIn. Query tokens are
 * letters and digits only (lib/search/query.ts), so they hold no LIKE wildcard.
 */
async function namesWithWords(
  db: DB,
  terms: readonly SearchTerm[],
): Promise<{ tags: Map<number, boolean[]>; authors: Map<number, boolean[]> }> {
  const patterns = [...new Set(terms.flatMap((t) => t.tokens))].map((w) => `%${w}%`);
  // SQLite's LIKE ignores ASCII case; PostgreSQL's does not, so it is asked with lower(name).
  const nonAscii =
    dialectOf(db) === "postgres"
      ? sql<SqlBool>`name ~ '[^ -~]'`
      : sql<SqlBool>`name glob '*[^ -~]*'`;
  const holds = (eb: ExpressionBuilder<Database, "tags" | "authors">) =>
    eb.or([nonAscii, ...patterns.map((p) => eb(eb.fn("lower", ["name"]), "like", p))]);
  const [tags, authors] = await Promise.all([
    db.selectFrom("tags").select(["id", "name"]).where(holds).execute(),
    db.selectFrom("authors").select(["id", "name"]).where(holds).execute(),
  ]);
  const found = (rows: Array<{ id: number; name: string }>) =>
    new Map(
      rows.flatMap(({ id, name }) => {
        const inName = termsIn(name, terms);
        return inName.some(Boolean) ? [[id, inName] as const] : [];
      }),
    );
  return { tags: found(tags), authors: found(authors) };
}

/**
 * Of `ids` (article ids), the articles whose tag names and author names together hold every one
 * of `terms` (the ranking's tags-or-bylines weight, lib/news/sql/queries/search.ts). Words are compared as
 * the index compares them (termsIn); a phrase must stand within one name. Only names holding one
 * of the words can count, and usually no name does: then no article's tags are read at all
 * (reading the tags of 500 candidates took about 3 ms a search at a million stories).
 */
export async function idsWithWordsInTagsOrAuthors(
  db: DB,
  ids: number[],
  terms: readonly SearchTerm[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const names = await namesWithWords(db, terms);
  if (names.tags.size === 0 && names.authors.size === 0) return new Set();
  const links = await db
    .selectFrom("article_tags")
    .select(["article_id as id", "tag_id as name_id", sql.lit("tag").as("kind")])
    .where("article_id", "in", ids)
    .unionAll(
      db
        .selectFrom("article_authors")
        .select(["article_id as id", "author_id as name_id", sql.lit("author").as("kind")])
        .where("article_id", "in", ids),
    )
    .execute();
  const covered = new Map<number, boolean[]>();
  for (const { id, name_id, kind } of links) {
    const inName = (kind === "tag" ? names.tags : names.authors).get(name_id);
    if (!inName) continue;
    const sofar = covered.get(id) ?? terms.map(() => false);
    covered.set(
      id,
      sofar.map((found, i) => found || inName[i] === true),
    );
  }
  return new Set([...covered].filter(([, found]) => found.every(Boolean)).map(([id]) => id));
}
