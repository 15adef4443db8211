import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WithRails } from "@/components/layout/WithRails";
import { SearchPageView } from "@/components/search/SearchPageView";
import { cachedSectionTree } from "@/lib/cached";
import { parseSearchParams, readQueryText } from "@/lib/search/params";
import { cleanQuery } from "@/lib/search/query";
import { runSearch } from "@/lib/search/service";
import { searchMetadata } from "@/lib/seo/page-metadata";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(cleanQuery(readQueryText(await searchParams)).text);
}

/**
 * /search?q=…&page=N&section=…&from=YYYY-MM-DD&to=YYYY-MM-DD: full-text search of public
 * stories (README.md, "Search"). Rendered per request (it reads the query string), never cached
 * publicly, and noindex. A malformed page number is a 404; other bad input gets a notice.
 */
export default async function SearchPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) notFound();
  const { request, notices } = parsed;
  const sections = await cachedSectionTree();
  const results = cleanQuery(request.q).text === "" ? null : await runSearch(request, sections);
  return (
    <WithRails rails="latest">
      <SearchPageView request={request} results={results} notices={notices} sections={sections} />
    </WithRails>
  );
}
