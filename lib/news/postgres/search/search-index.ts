import { sql } from "kysely";
import type { DB } from "../../sql/db";
import type { SearchIndex } from "../../sql/search/search-index";
import { choosePlan, expectedShare, headlineStartPlan, lexemeStats, withPlan } from "./plan";
import { headlineStartQuery, searchQuery, termsQuery } from "./tsquery";

/**
 * The PostgreSQL backend's full-text index: the table `article_search` (migration 0004-search),
 * a tsvector of each article and one of its headline, each with a GIN index. GIN returns
 * matches in no useful order, so every read orders by article id (newest first) and stops at
 * its limit. For the whole-story vectors, which are large and stored out of line, plan.ts
 * chooses between reading every match from GIN and sorting their ids, and walking the newest
 * stories testing each vector (a query most stories match), and likewise for the headline
 * lookups of an exact headline; suggestions are left to the planner.
 */
export const tsvectorSearchIndex: SearchIndex = {
  async matchingIds(db, query, limit, below) {
    const stats = await lexemeStats(db);
    const phrase = query.terms.some((t) => t.tokens.length > 1);
    const plan = choosePlan(expectedShare(query, stats), stats.rows, limit, phrase);
    return withPlan(db, plan, (trx) => ids(trx, "document", searchQuery(query), limit, below));
  },
  async headlineMatchIds(db, terms, limit) {
    return ids(db, "headline", termsQuery(terms), limit, null);
  },
  async headlineStartIds(db, tokens, limit) {
    if (tokens.length === 0) return [];
    const plan = headlineStartPlan(tokens, await lexemeStats(db), limit);
    return withPlan(db, plan, (trx) =>
      ids(trx, "headline", headlineStartQuery(tokens), limit, null),
    );
  },
};

async function ids(
  db: DB,
  column: "document" | "headline",
  query: string,
  limit: number,
  below: number | null,
): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select article_id as id from article_search
    where ${sql.ref(column)} @@ ${query}::tsquery
    ${below === null ? sql`` : sql`and article_id < ${below}`}
    order by article_id desc limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}
