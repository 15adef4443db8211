import { getDb } from "../db/connection";
import type { SectionNode } from "../domain";
import { searchArticles, suggestArticles } from "../queries/search";
import type { SearchRequest, SearchResults, Suggestion } from "./types";

/**
 * What the /search page and the suggestions endpoint call: the search against the site's
 * database at this moment. Not cached: every query is different, and a search costs a few
 * milliseconds (README.md, "Search"). `sections`: the section tree the page already holds.
 */
export async function runSearch(
  request: SearchRequest,
  sections: SectionNode[],
): Promise<SearchResults> {
  return searchArticles(await getDb(), request, new Date().toISOString(), sections);
}

/** Suggestions for the header's search box (see suggestArticles). */
export async function runSuggest(q: string): Promise<Suggestion[]> {
  return suggestArticles(await getDb(), q, new Date().toISOString());
}
