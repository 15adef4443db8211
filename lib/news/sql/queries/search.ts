import { SEARCH_PAGE_SIZE } from "../../../search/query";
import type { DB } from "../db";
import type { SectionNode } from "../../../domain";
import { storedBodyText } from "../../../content/blocks";
import { exactHeadlineRows, publicCandidates, type Candidate } from "../search/candidates";
import { filterFacets } from "../search/facets";
import type { SearchIndex } from "../search/search-index";
import { highlightAll, snippet, termsIn, type TextPart } from "../../../search/highlight";
import { parseQuery, tokenize, type SearchTerm } from "../../../search/query";
import { idsWithWordsInTagsOrAuthors } from "../search/tags-authors";
import type { SearchHit, SearchRequest, SearchResults, Suggestion } from "../../../search/types";
import { isPublic, selectSummaries, toSummary } from "./article-rows";
import { frontSectionIds } from "./section-front";
import { findSection, getSectionTree } from "./sections";

/**
 * How many of the newest matching public stories are ranked. Bounds the work of a search for a
 * common word (measured: p99 under 50 ms at a million articles with 500; docs/search.md);
 * with more matches the count reads "more than 500" and the results are
 * the best of the newest 500.
 */
export const CANDIDATE_LIMIT = 500;
/**
 * The same for a query of several words (two words, a quoted phrase, "e-mail"): the newest 200.
 * FTS5 walks the words' position lists newest first until it has enough matches, and for a
 * phrase of common words that are seldom side by side ("two most") that walk is most of the
 * search: at a million stories, asking for 600 ids took 34-49 ms at p99 of the benchmark's
 * phrases, 220 ids 23-30 ms. (A rowid range does not bound the walk: FTS5 steps through the
 * position lists to reach it, and costs more.) The trade-off: such a query ranks only its newest
 * 200 public matches, says "more than 200" beyond, and older stories need a date range, as for a
 * common word. More words already make the matches fewer and more to the point, and where there
 * are more than 200 (common pairs) they are the last few days' stories, which the recency boost
 * would put first anyway. A phrase found nowhere still costs one whole walk (up to ~35 ms).
 */
export const MULTI_WORD_CANDIDATE_LIMIT = 200;
/** How many of the newest matches a query ranks: fewer for several words (see above). */
export function candidateWindow(terms: readonly SearchTerm[]): number {
  const words = terms.reduce((n, t) => n + t.tokens.length, 0);
  return words > 1 ? MULTI_WORD_CANDIDATE_LIMIT : CANDIDATE_LIMIT;
}
/**
 * Field weights of the relevance score, headline highest: a word in the headline counts this
 * much more than one found only in the body. Tags and author names count when every word is there.
 */
export const FIELD_WEIGHTS = { headline: 10, standfirst: 4, tagsOrAuthors: 3 } as const;
/** Recency boost: a story published now scores up to (1 + RECENCY_BOOST) times its relevance… */
export const RECENCY_BOOST = 1;
/** …and the boost halves every RECENCY_HALF_LIFE_DAYS days. */
export const RECENCY_HALF_LIFE_DAYS = 30;
/** A headline that reads exactly as the query scores this many times more. */
export const EXACT_HEADLINE_BOOST = 4;

const DAY_MS = 86_400_000;

/**
 * Relevance of a candidate (every candidate holds every word somewhere): 1, plus the field
 * weights of the words found in its headline and standfirst (averaged over the words) and in its
 * tags or bylines; times the recency boost; times EXACT_HEADLINE_BOOST for an exact headline.
 * `exactText` is the query's tokens joined by single spaces (what an exact headline tokenizes to).
 */
function score(
  candidate: Candidate,
  terms: readonly SearchTerm[],
  exactText: string,
  inTagsOrAuthors: boolean,
  nowMs: number,
): number {
  const share = (found: boolean[]) => found.filter(Boolean).length / Math.max(1, found.length);
  const inHeadline = share(termsIn(candidate.headline, terms));
  const relevance =
    1 +
    FIELD_WEIGHTS.headline * inHeadline +
    FIELD_WEIGHTS.standfirst * share(termsIn(candidate.standfirst, terms)) +
    (inTagsOrAuthors ? FIELD_WEIGHTS.tagsOrAuthors : 0);
  const published = Date.parse(candidate.published_at ?? "");
  const ageDays = Number.isNaN(published) ? Infinity : Math.max(0, (nowMs - published) / DAY_MS);
  const recency = 1 + RECENCY_BOOST * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
  // An exact headline holds every word, so only those are tokenized (the costly part).
  const exact = inHeadline === 1 && tokenize(candidate.headline).join(" ") === exactText;
  return relevance * recency * (exact ? EXACT_HEADLINE_BOOST : 1);
}

async function sectionFilter(
  db: DB,
  path: string | null | undefined,
  tree: SectionNode[] | null,
): Promise<{ ids: number[]; section: SearchResults["section"] } | null> {
  if (!path) return null;
  const found = findSection(tree ?? (await getSectionTree(db)), path.split("/"));
  if (!found) return null;
  const { section } = found;
  const ids = frontSectionIds(section);
  return {
    ids,
    section: { id: section.id, slug: section.slug, name: section.name, path: section.path },
  };
}

/**
 * Searches public articles (lib/search/query.ts says how the query is read; docs/search.md).
 * `index`: the backend's full-text index (search-index.ts). Takes a validated request (lib/search/params.ts) and `now` (ISO 8601 UTC: what is public is
 * decided by `isPublic(now)`). Ranks the newest public matches (CANDIDATE_LIMIT, or
 * MULTI_WORD_CANDIDATE_LIMIT for several words) by relevance
 * (FIELD_WEIGHTS: headline highest), boosted for recency and for an exact headline, and returns
 * page `request.page` of SEARCH_PAGE_SIZE with highlighted headlines and snippets. A page past the
 * last returns no hits (the page says so). Unknown sections are ignored (`section` null).
 * Never throws on any query text. `sections`: the section tree, when the caller already holds
 * it (the /search page does, from its cache); otherwise it is read when a section filter needs it.
 */
export async function searchArticles(
  db: DB,
  index: SearchIndex,
  request: SearchRequest,
  now: string,
  sections: SectionNode[] | null = null,
): Promise<SearchResults> {
  const parsed = parseQuery(request.q);
  const filter = await sectionFilter(db, request.section, sections);
  const base = {
    query: parsed.text,
    truncated: parsed.truncated,
    noWords: parsed.match === null,
    page: request.page,
    section: filter?.section ?? null,
  };
  const empty = { ...base, hits: [], totalPages: 1, total: 0, totalIsLowerBound: false };
  if (parsed.match === null) return empty;
  const filters = {
    sectionIds: filter?.ids ?? null,
    from: request.from ?? null,
    to: request.to ?? null,
  };
  const facets = filterFacets(filters, now);
  if (facets === null) return empty;
  const query = { terms: parsed.terms, ...facets };

  const reach = candidateWindow(parsed.terms);
  const { rows, complete } = await publicCandidates(db, index, query, filters, now, reach + 1);
  const totalIsLowerBound = rows.length > reach || !complete;
  const exactText = parsed.terms.map((t) => t.tokens.join(" ")).join(" ");
  const newest = rows.slice(0, reach);
  // With every match in hand, an exact headline is among them: no need to look for one.
  const pool = totalIsLowerBound
    ? [...newest, ...(await exactHeadlineRows(db, index, exactText, newest, filters, now))]
    : newest;
  const inMeta = await idsWithWordsInTagsOrAuthors(
    db,
    pool.map((c) => c.id),
    parsed.terms,
  );
  const nowMs = Date.parse(now);
  const ranked = pool
    .map((c) => ({ id: c.id, score: score(c, parsed.terms, exactText, inMeta.has(c.id), nowMs) }))
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
    const body = storedBodyText(row.body_json);
    const snippetParts: TextPart[] = (row.standfirst && snippet(row.standfirst, terms)) ||
      snippet(body, terms) || [{ text: summary.summary, match: false }];
    return [{ ...summary, headlineParts: highlightAll(row.headline, terms), snippetParts }];
  });
}

/** Most suggestions shown while typing. */
export const SUGGESTION_LIMIT = 6;

/**
 * Suggestions (from the full-text `index`) while the reader types `q`: up to `limit` public stories whose headline holds
 * every word, the last one as a prefix ("seo" finds "Seoul"), newest first. Fewer than two
 * characters, or no words, give none. Never throws on any text.
 */
export async function suggestArticles(
  db: DB,
  index: SearchIndex,
  q: string,
  now: string,
  limit = SUGGESTION_LIMIT,
): Promise<Suggestion[]> {
  const parsed = parseQuery(q, { prefixLast: true });
  if (parsed.match === null || [...parsed.text].length < 2) return [];
  // A few more than shown, in case some matches are not public.
  const ids = await index.headlineMatchIds(db, parsed.terms, limit * 4);
  if (ids.length === 0) return [];
  const summaries = await selectSummaries(db)
    .where("a.id", "in", ids)
    .where(isPublic(now))
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return summaries.map(toSummary).map((summary) => ({
    id: summary.id,
    path: summary.path,
    headline: summary.headline,
    headlineParts: highlightAll(summary.headline, parsed.terms),
    publishedAt: summary.publishedAt,
    section: summary.section.name,
  }));
}
