import Link from "next/link";
import type { SectionNode } from "@/lib/domain";
import { MAX_QUERY_LENGTH, SEARCH_PAGE_SIZE } from "@/lib/search/query";
import type { SearchRequest, SearchResults } from "@/lib/search/types";
import { SearchForm } from "./SearchForm";
import { SearchPagination, searchHref } from "./SearchPagination";
import { SearchResultList } from "./SearchResultList";

type Props = {
  request: SearchRequest;
  /** Null when there was nothing to search for (an empty query). */
  results: SearchResults | null;
  notices: string[];
  sections: SectionNode[];
};

const number = (n: number) => n.toLocaleString("en-US");

/** The count line: "25 results", "1 result", "More than 500 results", with the filters named. */
function countText(results: SearchResults): string {
  const n =
    results.totalIsLowerBound && results.total === 0
      ? "No results among the newest matches"
      : results.totalIsLowerBound
        ? `More than ${number(results.total)} results`
        : `${number(results.total)} ${results.total === 1 ? "result" : "results"}`;
  return `${n} for “${results.query}”${results.section ? ` in ${results.section.name}` : ""}`;
}

/**
 * The /search page: the form (filled in with the search), notices about anything that was
 * ignored or cut, then the count, one page of results and the page links; or a prompt when there
 * is nothing to search for.
 */
export function SearchPageView({ request, results, notices, sections }: Props) {
  const allNotices = [...notices];
  if (results?.truncated)
    allNotices.unshift(
      `Your search was longer than ${MAX_QUERY_LENGTH} characters, so only the first ${MAX_QUERY_LENGTH} were used.`,
    );
  if (results && request.section && !results.section)
    allNotices.push("That section does not exist, so all sections were searched.");
  const params = {
    q: results?.query ?? "",
    section: results?.section ? results.section.path.slice(1) : "",
    from: request.from ?? "",
    to: request.to ?? "",
  };
  return (
    <>
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <SearchForm
        query={results?.query ?? request.q}
        section={params.section || null}
        from={request.from ?? null}
        to={request.to ?? null}
        sections={sections}
      />
      {allNotices.length > 0 && (
        <ul aria-label="Notices" className="mt-6 space-y-1 border-l-4 border-kicker pl-3">
          {[...new Set(allNotices)].map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="search-count" className="mt-8">
        {!results || results.noWords ? (
          <p id="search-count" className="text-lg">
            {results
              ? "Your search has no words we can look for. Try letters or numbers."
              : "Type one or more words to search every story. Put words in double quotes to find them as a phrase."}
          </p>
        ) : (
          <>
            <h2
              id="search-count"
              className="mb-4 border-b-2 border-ink pb-1 font-serif text-2xl font-bold"
            >
              {countText(results)}
            </h2>
            {results.totalIsLowerBound && (
              <p className="mb-4 text-sm text-muted">
                Showing the best matches among the newest {number(results.total)}. Add words or
                narrow the dates to see older stories.
              </p>
            )}
            {results.hits.length > 0 ? (
              <SearchResultList
                hits={results.hits}
                start={(results.page - 1) * SEARCH_PAGE_SIZE + 1}
              />
            ) : results.total > 0 ? (
              <p>
                There is no page {results.page} of these results.{" "}
                <Link
                  prefetch={false}
                  href={searchHref(params, results.totalPages)}
                  className="font-semibold underline"
                >
                  Go to the last page ({results.totalPages})
                </Link>
                .
              </p>
            ) : (
              <p>No stories match. Check the spelling, use fewer words, or widen the filters.</p>
            )}
            <SearchPagination params={params} page={results.page} totalPages={results.totalPages} />
          </>
        )}
      </section>
    </>
  );
}
