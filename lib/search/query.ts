/**
 * Turns what a reader typed into an FTS5 query that can only mean "these words". Nothing the
 * reader types is ever FTS5 syntax: every word becomes a quoted FTS5 string, so `*`, `-`, `:`,
 * `^`, `NEAR`, `AND`/`OR`/`NOT`, parentheses and column names are plain text (and, being
 * punctuation or ordinary words, are either ignored or searched for as words). Pure; never throws.
 *
 * Rules (docs/search.md, "How a query is read"):
 * - The text is NFKC-normalised (full-width letters become ASCII), control characters dropped,
 *   runs of white space folded, and cut at {@link MAX_QUERY_LENGTH} characters (with a notice).
 * - Words are split as the index splits them (SQLite's unicode61 tokenizer: runs of letters,
 *   digits and private-use characters; everything else separates words), case- and
 *   accent-insensitively. A word holding punctuation ("e-mail", "U.S.") is a phrase of its parts.
 * - Text between double quotes ("…", also “…”) is searched as a phrase; an unmatched quote is
 *   ignored.
 * - Every word and phrase must match (AND). At most {@link MAX_TERMS} are used.
 * - A Korean (Hangul) word also matches longer words that start with it, since Korean attaches
 *   particles to words ("한국" finds "한국의" and "한국어").
 */

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;

/** Longest query we search for, in characters (code points); longer ones are cut with a notice. */
export const MAX_QUERY_LENGTH = 200;
/** Most words and phrases one search combines; later ones are ignored. */
export const MAX_TERMS = 12;

/** A word or phrase to find: its tokens (folded), the last one matching as a prefix when `prefix`. */
export type SearchTerm = { tokens: string[]; prefix: boolean };

export type ParsedQuery = {
  /** The query as cleaned and cut, for showing back to the reader and in the search box. */
  text: string;
  /** True when the reader's query was longer than MAX_QUERY_LENGTH and was cut. */
  truncated: boolean;
  terms: SearchTerm[];
  /** The FTS5 MATCH expression, or null when there is nothing to search for. */
  match: string | null;
};

/** A run of letters, digits or private-use characters: a word, as unicode61 sees it. */
export const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
/**
 * A word of a reader's query: letters and digits only. Private-use characters separate words
 * here, so no query can spell the index's facet words (migration 0004-search, U+E000…).
 */
const QUERY_TOKEN = /[\p{L}\p{N}]+/gu;
const HANGUL = /[\p{Script=Hangul}]/u;
const QUOTES = /["“”„]/;

/** Printable ASCII and ASCII white space: text that folds by lower-casing alone. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Folds a token as the index does: lower case, accents removed ("Émile" → "emile"). */
export function foldToken(token: string): string {
  // Fast path (most text): plain ASCII has no accents and is its own NFD and NFC. Searches fold
  // a few hundred headlines and ten bodies each, so this is most of their JavaScript time.
  if (PLAIN_ASCII.test(token)) return token.toLowerCase();
  return token
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .normalize("NFC");
}

/** The folded tokens of a text, in order. */
export function tokenize(text: string): string[] {
  return (text.match(TOKEN) ?? []).map(foldToken).filter((t) => t !== "");
}

const queryTokens = (word: string) =>
  (word.match(QUERY_TOKEN) ?? []).map(foldToken).filter((t) => t !== "");

/** Cleans and cuts the raw input: NFKC, no control characters, single spaces, at most MAX_QUERY_LENGTH. */
export function cleanQuery(raw: string): { text: string; truncated: boolean } {
  const text = raw
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  const chars = [...text];
  if (chars.length <= MAX_QUERY_LENGTH) return { text, truncated: false };
  return { text: chars.slice(0, MAX_QUERY_LENGTH).join("").trimEnd(), truncated: true };
}

/** Quotes a token list as one FTS5 string ("a b", with any `"` doubled), plus `*` for a prefix. */
function ftsString(term: SearchTerm): string {
  const quoted = `"${term.tokens.join(" ").replaceAll('"', '""')}"`;
  return term.prefix ? `${quoted} *` : quoted;
}

/**
 * Parses a reader's query. With `{ prefixLast: true }` (suggestions while typing) the last word
 * also matches longer words, unless the text ends with a space or a closing quote or that word
 * is a single letter.
 */
export function parseQuery(raw: string, options: { prefixLast?: boolean } = {}): ParsedQuery {
  const { text, truncated } = cleanQuery(raw);
  const parts = text.split(QUOTES);
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (tokens: string[]) => {
    if (tokens.length === 0 || terms.length >= MAX_TERMS) return;
    const last = tokens[tokens.length - 1]!;
    // A one-syllable Korean word as a prefix would match a large share of the index: exact only.
    const term = { tokens, prefix: HANGUL.test(last) && [...last].length >= 2 };
    const key = ftsString(term);
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  // split() alternates outside/inside quotes; a last odd part after an unmatched quote is outside.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < closed;
    if (quoted) add(queryTokens(part));
    else for (const word of part.split(" ")) add(queryTokens(word));
  });
  const last = terms[terms.length - 1];
  // A one-letter prefix would match a large part of the language: it waits for a second letter.
  if (options.prefixLast && last && /[\p{L}\p{N}]$/u.test(raw) && !truncated) {
    if ([...last.tokens[last.tokens.length - 1]!].length >= 2)
      terms[terms.length - 1] = { ...last, prefix: true };
  }
  return {
    text,
    truncated,
    terms,
    match: terms.length > 0 ? terms.map(ftsString).join(" ") : null,
  };
}
