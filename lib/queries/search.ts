import type { DB } from "../db/connection";
import type { BodyBlock } from "../domain";
import { findCandidates, type Candidate, type CandidateFilters } from "../search/fts";
import { highlightAll, snippet, type TextPart } from "../search/highlight";
import { parseQuery, tokenize, type SearchTerm } from "../search/query";
import type { SearchHit, SearchRequest, SearchResults, Suggestion } from "../search/types";
import { isPublic, selectSummaries, toSummary } from "./article-rows";
import { findSection, getSectionTree } from "./sections";

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;
/**
 * How many of the newest matching public stories are ranked. Bounds the work of a search for a
 * common word (ranking every one of 500,000 matches takes seconds); with more matches than this
 * the count reads "more than 1,000" and the results are the best of the newest 1,000.
 */
export const CANDIDATE_LIMIT = 1000;
/** Recency boost: a story published now scores up to (1 + RECENCY_BOOST) times its relevance… */
export const RECENCY_BOOST = 1;
/** …and the boost halves every RECENCY_HALF_LIFE_DAYS days. */
export const RECENCY_HALF_LIFE_DAYS = 30;
/** A headline holding every searched word scores this many times more; an exact one twice that. */
export const HEADLINE_BOOST = 2;

const DAY_MS = 86_400_000;

/** Relevance of a candidate: bm25, raised for recent stories and for headlines that match. */
function score(candidate: Candidate, terms: readonly SearchTerm[], nowMs: number): number {
  const relevance = -candidate.bm25;
  const published = Date.parse(candidate.published_at ?? "");
  const ageDays = Number.isNaN(published) ? Infinity : Math.max(0, (nowMs - published) / DAY_MS);
  const recency = 1 + RECENCY_BOOST * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
  const headline = tokenize(candidate.headline).join(" ");
  const wanted = terms.map((t) => t.tokens.join(" "));
  const exact = headline === wanted.join(" ");
  const all = terms.every((t, i) =>
    ` ${headline} `.includes(` ${wanted[i]}${t.prefix ? "" : " "}`),
  );
  const boost = exact ? 2 * HEADLINE_BOOST : all ? HEADLINE_BOOST : 1;
  return relevance * recency * boost;
}

/** Body text of a stored body (JSON blocks), one block a line. */
function bodyText(bodyJson: string): string {
  try {
    return (JSON.parse(bodyJson) as BodyBlock[]).map((b) => b.text).join("\n");
  } catch {
    return "";
  }
}

async function sectionFilter(
  db: DB,
  path: string | null | undefined,
): Promise<{ ids: number[]; section: SearchResults["section"] } | null> {
  if (!path) return null;
  const found = findSection(await getSectionTree(db), path.split("/"));
  if (!found) return null;
  const { section } = found;
  const ids =
    "children" in section ? [section.id, ...section.children.map((c) => c.id)] : [section.id];
  return {
    ids,
    section: { id: section.id, slug: section.slug, name: section.name, path: section.path },
  };
}

/**
 * Searches public articles (lib/search/query.ts says how the query is read; README.md, "Search").
 * Takes a validated request (lib/search/params.ts) and `now` (ISO 8601 UTC: what is public is
 * decided by `isPublic(now)`). Ranks the newest CANDIDATE_LIMIT matches by bm25 (headline highest)
 * with a recency boost and a headline boost, and returns page `request.page` of SEARCH_PAGE_SIZE,
 * with highlighted headlines and snippets. A page past the last returns no hits (the page says so).
 * Unknown sections are ignored (`section` null). Never throws on any query text.
 */
export async function searchArticles(
  db: DB,
  request: SearchRequest,
  now: string,
): Promise<SearchResults> {
  const parsed = parseQuery(request.q);
  const filter = await sectionFilter(db, request.section);
  const base = {
    query: parsed.text,
    truncated: parsed.truncated,
    noWords: parsed.match === null,
    page: request.page,
    section: filter?.section ?? null,
  };
  if (parsed.match === null)
    return { ...base, hits: [], totalPages: 1, total: 0, totalIsLowerBound: false };

  const filters: CandidateFilters = {
    sectionIds: filter?.ids ?? null,
    from: request.from ?? null,
    to: request.to ?? null,
  };
  const candidates = await findCandidates(db, parsed.match, now, filters, CANDIDATE_LIMIT + 1);
  const totalIsLowerBound = candidates.length > CANDIDATE_LIMIT;
  const pool = candidates.slice(0, CANDIDATE_LIMIT);
  const nowMs = Date.parse(now);
  const ranked = pool
    .map((c) => ({ id: c.id, score: score(c, parsed.terms, nowMs) }))
    .sort((a, b) => b.score - a.score || b.id - a.id);
  const total = pool.length;
  const totalPages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const pageIds = ranked
    .slice((request.page - 1) * SEARCH_PAGE_SIZE, request.page * SEARCH_PAGE_SIZE)
    .map((r) => r.id);
  return {
    ...base,
    hits: await loadHits(db, pageIds, parsed.terms, now),
    totalPages,
    total,
    totalIsLowerBound,
  };
}

/** The summaries of `ids`, in that order, with highlighted headlines and snippets. */
async function loadHits(
  db: DB,
  ids: number[],
  terms: readonly SearchTerm[],
  now: string,
): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const rows = await selectSummaries(db).where("a.id", "in", ids).where(isPublic(now)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const summary = toSummary(row);
    const body = bodyText(row.body_json);
    const snippetParts: TextPart[] = (row.standfirst && snippet(row.standfirst, terms)) ||
      snippet(body, terms) || [{ text: summary.summary, match: false }];
    return [{ ...summary, headlineParts: highlightAll(row.headline, terms), snippetParts }];
  });
}

/** Most suggestions shown while typing. */
export const SUGGESTION_LIMIT = 6;

/**
 * Suggestions while the reader types `q`: up to `limit` public stories whose headline holds
 * every word, the last one as a prefix ("seo" finds "Seoul"), newest first. Fewer than two
 * characters, or no words, give none. Never throws on any text.
 */
export async function suggestArticles(
  db: DB,
  q: string,
  now: string,
  limit = SUGGESTION_LIMIT,
): Promise<Suggestion[]> {
  const parsed = parseQuery(q, { prefixLast: true });
  if (parsed.match === null || [...parsed.text].length < 2) return [];
  const rows = await findCandidates(db, parsed.match, now, {}, limit, { headlineOnly: true });
  if (rows.length === 0) return [];
  const summaries = await selectSummaries(db)
    .where(
      "a.id",
      "in",
      rows.map((r) => r.id),
    )
    .where(isPublic(now))
    .execute();
  const byId = new Map(summaries.map((s) => [s.id, toSummary(s)]));
  return rows.flatMap((row) => {
    const summary = byId.get(row.id);
    return summary
      ? [
          {
            id: summary.id,
            path: summary.path,
            headline: summary.headline,
            headlineParts: highlightAll(summary.headline, parsed.terms),
            publishedAt: summary.publishedAt,
            section: summary.section.name,
          },
        ]
      : [];
  });
}
