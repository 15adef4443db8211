import { sql } from "kysely";
import type { DB } from "../../sql/db";
import type { IndexQuery } from "../../sql/search/search-index";

/**
 * How PostgreSQL walks `article_search` for "the newest N matches". Its planner does not count the
 * cost of reading a TOASTed vector (about 4 µs a row, warm; ten times that cold), so it walks the
 * primary key backwards testing every story's vector ("walk") for words of middling frequency,
 * or scans the whole table, where the GIN index ("bitmap": only the matches, then a sort) costs a
 * hundredth of it. We choose instead, from the planner's own statistics of each word's share of
 * stories (`pg_stats.most_common_elems`): measured at 50,000 stories, "capital" (7%) took 30-450
 * ms walking and 6 ms through GIN; a word in every story, 27 ms through GIN and 7 ms walking.
 * docs/decisions/044-postgres-search-plan.md
 */
export type Plan = "walk" | "bitmap";

/** Costs per row, in µs, measured on the 2-core machine (docs/performance.md). */
const WALK_ROW_US = 4;
const BITMAP_ROW_US = 0.55;

/** What the statistics say of the index: each common word's share of stories (in their whole
 * vector, and in their headline's), and the row count. */
export type LexemeStats = {
  shares: Map<string, number>;
  headlineShares: Map<string, number>;
  rows: number;
};

/**
 * Of the stories holding every word of a phrase, the share taken to hold them as the phrase (or
 * a headline to start with them): a guess, since the statistics know words, not their order.
 * Too high a guess walks too far; GIN's cost does not depend on it.
 */
const PHRASE_SHARE = 0.1;

/**
 * The share of stories expected to match `query`: the product of its terms' and filters' shares
 * (taken as independent), a phrase as PHRASE_SHARE of its words together, a prefix as the
 * listed words it starts (a lower bound); a word the statistics do not list is rarer than every
 * word they do (counted as 0). A date filter counts as 0: stories are numbered in order of
 * publication, so walking to an older year would read every newer story first.
 */
export function expectedShare(query: IndexQuery, stats: LexemeStats): number {
  if (query.dates) return 0;
  const share = (word: string) => stats.shares.get(word) ?? 0;
  const prefixShare = (start: string) => {
    let sum = 0;
    for (const [word, s] of stats.shares) if (word.startsWith(start)) sum += s;
    return Math.min(1, sum);
  };
  let result = 1;
  for (const term of query.terms) {
    term.tokens.forEach((token, i) => {
      result *= term.prefix && i === term.tokens.length - 1 ? prefixShare(token) : share(token);
    });
    if (term.tokens.length > 1) result *= PHRASE_SHARE;
  }
  if (query.sections)
    result *= Math.min(
      1,
      query.sections.reduce((sum, word) => sum + share(word), 0),
    );
  return result;
}

/**
 * The cheaper plan for `limit` matches of a query matching `share` of `rows` stories: walking
 * reads about limit / share vectors, GIN visits share × rows matches; walking wins above
 * share = √(limit × WALK_ROW_US / (rows × BITMAP_ROW_US)) (6% at a million stories and 550 ids).
 * `phrase`: GIN cannot check word order, so it reads the vector of every story holding the words
 * too, at the walk's cost a row. With no statistics (a table never analysed) it takes GIN, whose
 * cost is bounded by the matches.
 */
export function choosePlan(share: number, rows: number, limit: number, phrase = false): Plan {
  if (rows <= 0 || share <= 0) return "bitmap";
  const bitmapRow = phrase ? WALK_ROW_US : BITMAP_ROW_US;
  return (limit / share) * WALK_ROW_US < share * rows * bitmapRow ? "walk" : "bitmap";
}

/**
 * The plan for the newest `limit` headlines starting with `tokens` (exact-headline lookups).
 * Headline vectors are small and kept in the row, so a story costs the same either way: walking
 * reads about limit / (PHRASE_SHARE × share) headlines, GIN every headline holding the words
 * (the planner, left alone, walked 130 ms at a million stories for a word in few headlines).
 */
export function headlineStartPlan(
  tokens: readonly string[],
  stats: LexemeStats,
  limit: number,
): Plan {
  const all = tokens.reduce((product, t) => product * (stats.headlineShares.get(t) ?? 0), 1);
  const start = all * PHRASE_SHARE;
  if (start <= 0 || stats.rows <= 0) return "bitmap";
  return limit / start < all * stats.rows ? "walk" : "bitmap";
}

/** How long a process keeps the statistics it read. */
const STATS_TTL_MS = 10 * 60_000;
const cache = new WeakMap<object, { at: number; stats: Promise<LexemeStats> }>();

/**
 * The statistics of `article_search` (ANALYZE keeps each vector column's thousand commonest words),
 * read at most every ten minutes per database handle. Empty before the table is first analysed.
 */
export function lexemeStats(db: DB): Promise<LexemeStats> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit.stats;
  const stats = readStats(db).catch((error: unknown) => {
    cache.delete(db);
    throw error;
  });
  cache.set(db, { at: Date.now(), stats });
  return stats;
}

async function readStats(db: DB): Promise<LexemeStats> {
  const { rows } = await sql<{
    column: string | null;
    elems: string[] | null;
    freqs: number[] | null;
    rows: number;
  }>`
    select s.attname as column, s.most_common_elems::text::text[] as elems,
      s.most_common_elem_freqs as freqs, c.reltuples::float8 as rows
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_stats s on s.schemaname = n.nspname and s.tablename = c.relname
      and s.attname in ('document', 'headline')
    where c.oid = 'article_search'::regclass`.execute(db);
  const sharesOf = (column: string) => {
    const row = rows.find((r) => r.column === column);
    const shares = new Map<string, number>();
    (row?.elems ?? []).forEach((word, i) => shares.set(word, Number(row?.freqs?.[i] ?? 0)));
    return shares;
  };
  return {
    shares: sharesOf("document"),
    headlineShares: sharesOf("headline"),
    rows: Math.max(0, Number(rows[0]?.rows ?? 0)),
  };
}

/** The planner settings that leave only `plan` (GIN has no plain index scan, only bitmaps). */
const SETTINGS: Record<Plan, string[]> = {
  walk: ["enable_bitmapscan", "enable_seqscan"],
  bitmap: ["enable_indexscan", "enable_seqscan"],
};

/**
 * Runs `query` (read-only) with the planner held to `plan`, in a transaction of its own
 * (`set_config(…, true)` lasts until its end), or in the caller's under a savepoint rolled back
 * afterwards, which puts the caller's settings back as they were, even after an error.
 */
export async function withPlan<T>(db: DB, plan: Plan, query: (db: DB) => Promise<T>): Promise<T> {
  const off = SETTINGS[plan].map((name) => sql`set_config(${name}, 'off', true)`);
  const run = async (trx: DB) => {
    await sql`select ${sql.join(off)}`.execute(trx);
    return query(trx);
  };
  if (!db.isTransaction) return db.transaction().execute(run);
  await sql`savepoint herald_plan`.execute(db);
  try {
    return await run(db);
  } finally {
    await sql`rollback to savepoint herald_plan`.execute(db);
    await sql`release savepoint herald_plan`.execute(db);
  }
}
