import type { NewsStore } from "../../lib/news/store";
import type { SearchRequest } from "../../lib/search/types";
import { time, type Timing } from "./data-layer";
import { corpusVocabulary } from "./dataset";
import { createRandom, drawWord } from "./generator";

/**
 * Times search over the data set (issue 7's budget: under 50 ms at p99), with queries a reader
 * might type, drawn by a seeded PRNG from the corpus's words: one word of any frequency (common
 * words match a large share of a million stories), one word of the vocabulary with every word
 * equally likely (most are rare: a few hundred matches or a few thousand, where an index plan
 * that walks the newest stories reading every vector is slowest), two words, a quoted two-word phrase, a word
 * with a section filter, a date range, and the header's suggestions for 3 and 5 letters.
 */
export async function timeSearch(
  store: NewsStore,
  now: string,
  options: { calls: number; log?: (line: string) => void },
): Promise<Timing[]> {
  const vocabulary = corpusVocabulary();
  const random = createRandom(11);
  // Drawn at corpus frequency, as the generated copy is: common words match a large share.
  const word = () => drawWord(vocabulary, random);
  const anyWord = () => vocabulary.words[Math.floor(random() * vocabulary.words.length)] ?? "";
  const year = now.slice(0, 4);
  const kinds: Array<[string, () => SearchRequest]> = [
    ["search, one word", () => ({ q: word(), page: 1 })],
    ["search, a rarer word", () => ({ q: anyWord(), page: 1 })],
    ["search, two words", () => ({ q: `${word()} ${word()}`, page: 1 })],
    ["search, a quoted phrase", () => ({ q: `"${word()} ${word()}"`, page: 1 })],
    ["search, a word in a section", () => ({ q: word(), page: 1, section: "national" })],
    [
      "search, a word in this year",
      () => ({ q: word(), page: 1, from: `${year}-01-01`, to: `${year}-12-31` }),
    ],
    ["search, page 5 of a common word", () => ({ q: "the", page: 5 })],
  ];
  const timings: Timing[] = [];
  for (const [name, request] of kinds) {
    options.log?.(`timing ${name}…`);
    timings.push(await time(name, options.calls, () => store.search(request(), now)));
  }
  options.log?.("timing suggestions…");
  for (const [name, length] of [
    ["search suggestions, 3 letters", 3],
    ["search suggestions, 5 letters", 5],
  ] as const)
    timings.push(
      await time(name, options.calls, () => store.suggest(word().slice(0, length), now)),
    );
  return timings;
}
