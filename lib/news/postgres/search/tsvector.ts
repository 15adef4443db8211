import type { SearchDocument } from "../../sql/search/document";
import { articleFacets, FACET } from "../../sql/search/facets";
import { tokenize } from "../../../search/query";

/**
 * PostgreSQL's search documents, built from OUR tokens (lib/search/query.ts: the tokenizer and
 * accent folding the FTS5 side mirrors), never from PostgreSQL's parsers or dictionaries: the
 * text of a tsvector literal is taken as it is (no stemming, no stop words), so both backends
 * index exactly the same words. Weights: A headline, B standfirst, C tags and bylines, D body
 * (and the facet words, lib/news/sql/search/facets.ts).
 */

/** PostgreSQL keeps positions up to this; later words all sit at it (phrases there may miss). */
const MAX_POSITION = 16_383;
/** PostgreSQL refuses lexemes of 2 KB or more; no real word is that long, and it is left out. */
const MAX_LEXEME_BYTES = 2_047;

/**
 * The marker lexeme at the start of every headline vector: a phrase that begins with it matches
 * only at the headline's start (FTS5's `^"…"`, for the exact-headline lookup).
 */
export const HEADLINE_START = `${FACET}start`;

/** A lexeme as a quoted tsvector/tsquery literal: `'word'`, with `'` and `\` escaped. */
export const lexeme = (word: string) => `'${word.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

type Weight = "A" | "B" | "C" | "D";

/** Builds a tsvector literal from fields of words, each field's words at consecutive positions. */
class VectorBuilder {
  private readonly positions = new Map<string, string[]>();
  private next = 1;

  /**
   * Adds `words` at consecutive positions with `weight`, then leaves a gap, so that no phrase
   * runs from one field into the next (as FTS5 phrases stay within a column).
   */
  add(words: readonly string[], weight: Weight): this {
    for (const word of words) {
      if (Buffer.byteLength(word) <= MAX_LEXEME_BYTES) {
        const list = this.positions.get(word) ?? [];
        list.push(`${Math.min(this.next, MAX_POSITION)}${weight}`);
        this.positions.set(word, list);
      }
      this.next += 1;
    }
    this.next += 1;
    return this;
  }

  /** The tsvector literal, for `$n::tsvector`. */
  toString(): string {
    return [...this.positions].map(([word, list]) => `${lexeme(word)}:${list.join(",")}`).join(" ");
  }
}

/**
 * The search vector of an article. Within a field words are consecutive, as in an FTS5 column
 * (tags and bylines run on, one name after another, as FTS5 reads them); short fields come first,
 * the body last, since positions past MAX_POSITION collapse.
 */
export function documentVector(d: SearchDocument): string {
  const v = new VectorBuilder()
    .add(tokenize(d.headline), "A")
    .add(tokenize(d.standfirst), "B")
    .add(tokenize(d.tags.join("\n")), "C")
    .add(tokenize(d.authors.join("\n")), "C")
    .add(articleFacets(d.sectionId, d.publishedAt), "D")
    .add(tokenize(d.body), "D");
  return v.toString();
}

/** The headline vector of an article (suggestions, exact headlines): HEADLINE_START, then its words. */
export function headlineVector(headline: string): string {
  return new VectorBuilder().add([HEADLINE_START, ...tokenize(headline)], "A").toString();
}
