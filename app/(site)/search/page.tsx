import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WithRails } from "@/components/layout/WithRails";
import { SearchPageView } from "@/components/search/SearchPageView";
import { getSectionTree } from "@/lib/news";
import { parseSearchParams, readQueryText } from "@/lib/search/params";
import { cleanQuery } from "@/lib/search/query";
import { searchStories } from "@/lib/news";
import { searchMetadata } from "@/lib/seo/page-metadata";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(cleanQuery(readQueryText(await searchParams)).text);
}

/**
 * /search?q=…&page=N&section=…&from=YYYY-MM-DD&to=YYYY-MM-DD: full-text search of public
 * stories (docs/search.md). Rendered per request (it reads the query string), never cached
 * publicly, and noindex. A malformed page number is a 404; other bad input gets a notice.
 */
export default async function SearchPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) notFound();
  const { request, notices } = parsed;
  const sections = await getSectionTree();
  const results = cleanQuery(request.q).text === "" ? null : await searchStories(request, sections);
  return (
    <WithRails rails="latest">
      <SearchPageView request={request} results={results} notices={notices} sections={sections} />
    </WithRails>
  );
}
