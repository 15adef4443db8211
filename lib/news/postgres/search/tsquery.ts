import type { IndexQuery } from "../../sql/search/search-index";
import type { SearchTerm } from "../../../search/query";
import { HEADLINE_START, lexeme } from "./tsvector";

/**
 * tsquery literals built from a search's parsed words (lib/search/query.ts), never from what a
 * reader typed: every word is a quoted lexeme, so nothing can be tsquery syntax, and the literal
 * is cast with `::tsquery`, which takes lexemes as they are (no parser, no dictionary: the words
 * were folded by our tokenizer, as the vectors were). Never `to_tsquery` of user text.
 */

/** A term: its tokens as a phrase (`<->`), the last one a prefix (`:*`) when it is. */
function termQuery(term: SearchTerm): string {
  const words = term.tokens.map(lexeme);
  if (term.prefix) words[words.length - 1] += ":*";
  return words.length === 1 ? words[0]! : `(${words.join(" <-> ")})`;
}

const anyOf = (words: readonly string[]) => `(${words.map(lexeme).join(" | ")})`;

/** Every term, AND-ed. */
export const termsQuery = (terms: readonly SearchTerm[]) => terms.map(termQuery).join(" & ");

/** The whole query of a search: its terms and, as facet words, its filters. */
export function searchQuery(query: IndexQuery): string {
  const parts = [termsQuery(query.terms)];
  if (query.sections) parts.push(anyOf(query.sections));
  if (query.dates) parts.push(anyOf(query.dates));
  return parts.join(" & ");
}

/** A phrase at the start of a headline vector (tsvector.ts, HEADLINE_START). */
export function headlineStartQuery(tokens: readonly string[]): string {
  return [HEADLINE_START, ...tokens].map(lexeme).join(" <-> ");
}
