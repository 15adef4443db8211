import { TOKEN, foldToken, type SearchTerm } from "./query";

/**
 * Highlighting for search results, done on the article's own plain text (the index stores no
 * copy of it). The result is a list of text pieces, each marked or not, which components render
 * as React text and `<mark>` elements: no HTML string is ever built, so nothing in an article or
 * a query can become markup. Words are compared as the index compares them (lib/search/query.ts).
 */

/** A piece of text; `match` pieces are what the reader searched for. */
export type TextPart = { text: string; match: boolean };

type Token = { start: number; end: number; folded: string };

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, folded: foldToken(m[0]) });
  }
  return tokens;
}

/** Whether `term` occurs at token `i` of `tokens` (its tokens in a row, the last as a prefix when so marked). */
function occursAt(tokens: Token[], i: number, term: SearchTerm): boolean {
  const n = term.tokens.length;
  if (i + n > tokens.length) return false;
  return term.tokens.every((t, k) => {
    const folded = tokens[i + k]!.folded;
    return k === n - 1 && term.prefix ? folded.startsWith(t) : folded === t;
  });
}

const WORD = "[\\p{L}\\p{N}\\p{Co}]";
const termPatterns = new WeakMap<SearchTerm, RegExp>();

/** A pattern finding `term` in folded text: its tokens in a row, whole words (the last may be a prefix). */
function termPattern(term: SearchTerm): RegExp {
  let pattern = termPatterns.get(term);
  if (!pattern) {
    const body = term.tokens
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^\\p{L}\\p{N}\\p{Co}]+");
    pattern = new RegExp(`(?<!${WORD})${body}${term.prefix ? "" : `(?!${WORD})`}`, "u");
    termPatterns.set(term, pattern);
  }
  return pattern;
}

/**
 * For each term, whether it occurs in `text`, comparing words as the index does. Fast (one
 * pattern per term over the folded text), for ranking a thousand candidates per search.
 */
export function termsIn(text: string, terms: readonly SearchTerm[]): boolean[] {
  const folded = foldToken(text);
  // A plain substring test first: most texts lack the word, and it is far cheaper than the pattern.
  return terms.map(
    (term) => folded.includes(term.tokens[0] ?? "") && termPattern(term).test(folded),
  );
}

/** Index ranges [first, last] of tokens that make up an occurrence of any term, in order. */
function matchedRanges(tokens: Token[], terms: readonly SearchTerm[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i += 1) {
    let longest = -1;
    for (const term of terms)
      if (occursAt(tokens, i, term)) longest = Math.max(longest, i + term.tokens.length - 1);
    if (longest >= 0) {
      ranges.push([i, longest]);
      i = longest;
    }
  }
  return ranges;
}

/** Splits `text` (from `from` to `to`, character offsets) into parts, marking the ranges' spans. */
function toParts(
  text: string,
  tokens: Token[],
  ranges: Array<[number, number]>,
  from: number,
  to: number,
): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const [first, last] of ranges) {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    if (start < from || end > to) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (to > at) parts.push({ text: text.slice(at, to), match: false });
  return parts;
}

/** The whole of `text` with every occurrence of the terms marked (for headlines). */
export function highlightAll(text: string, terms: readonly SearchTerm[]): TextPart[] {
  const tokens = tokensOf(text);
  return toParts(text, tokens, matchedRanges(tokens, terms), 0, text.length);
}

/**
 * A snippet of about `words` words of `text` around the best cluster of matches (the window
 * holding the most different terms, earliest first), with "…" where it was cut, and the matches
 * marked. Returns null when no term occurs in the text (the match was elsewhere: tags, authors).
 */
export function snippet(text: string, terms: readonly SearchTerm[], words = 32): TextPart[] | null {
  const tokens = tokensOf(text);
  const ranges = matchedRanges(tokens, terms);
  if (ranges.length === 0) return null;
  const termOf = (range: [number, number]) =>
    tokens
      .slice(range[0], range[1] + 1)
      .map((t) => t.folded)
      .join(" ");
  let best = { first: 0, score: -1 };
  for (let r = 0; r < ranges.length; r += 1) {
    const first = ranges[r]![0];
    const distinct = new Set<string>();
    for (let k = r; k < ranges.length && ranges[k]![1] < first + words; k += 1)
      distinct.add(termOf(ranges[k]!));
    if (distinct.size > best.score) best = { first, score: distinct.size };
  }
  // Start a few words before the first match, so it reads in context.
  const startToken = Math.max(0, Math.min(best.first - 4, tokens.length - words));
  const endToken = Math.min(tokens.length - 1, startToken + words - 1);
  const from = startToken === 0 ? 0 : tokens[startToken]!.start;
  const to = endToken === tokens.length - 1 ? text.length : tokens[endToken]!.end;
  const parts = toParts(text, tokens, ranges, from, to);
  if (from > 0) parts.unshift({ text: "… ", match: false });
  if (to < text.length) parts.push({ text: " …", match: false });
  return parts;
}
