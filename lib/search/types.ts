import type { ArticleSummary, SectionRef } from "../domain";
import type { TextPart } from "./highlight";

/** A search as asked for, after validation (lib/search/params.ts). */
export type SearchRequest = {
  /** What the reader typed (cut and cleaned again by the search itself). */
  q: string;
  /** 1-based page of results. */
  page: number;
  /** Section path ("national" or "national/politics"); a top-level section includes its subsections. */
  section?: string | null;
  /** First day to include, "YYYY-MM-DD" in KST. */
  from?: string | null;
  /** Last day to include, "YYYY-MM-DD" in KST. */
  to?: string | null;
};

/** One result: the story, its headline with the matches marked, and a snippet around them. */
export type SearchHit = ArticleSummary & {
  headlineParts: TextPart[];
  snippetParts: TextPart[];
};

export type SearchResults = {
  /** The query as searched (cleaned, and cut when it was too long). */
  query: string;
  /** True when the query was longer than MAX_QUERY_LENGTH and was cut. */
  truncated: boolean;
  /** True when the query held no words to search for (empty, or only punctuation or emoji). */
  noWords: boolean;
  hits: SearchHit[];
  page: number;
  /** At least 1. */
  totalPages: number;
  /** Number of results, exact unless `totalIsLowerBound` ("more than 500"). */
  total: number;
  totalIsLowerBound: boolean;
  /** The section filter that applied, or null (none asked for, or an unknown one). */
  section: SectionRef | null;
};

/** A suggestion while typing: a story whose headline matches, with the matches marked. */
export type Suggestion = {
  id: number;
  path: string;
  headline: string;
  headlineParts: TextPart[];
  publishedAt: string;
  section: string;
};
