import type { DB } from "../../lib/db/connection";
import { searchArticles, suggestArticles } from "../../lib/queries/search";
import { time, type Timing } from "./data-layer";
import { corpusVocabulary } from "./dataset";
import { createRandom } from "./generator";

/**
 * Times search over the data set (issue 7's budget: under 50 ms at p99), with queries a reader
 * might type, drawn by a seeded PRNG from the corpus's words: one word of any frequency (common
 * words match a large share of a million stories), two words, a quoted two-word phrase, a word
 * with a section filter, a date range, and the header's suggestions for a prefix.
 */
export async function timeSearch(
  db: DB,
  now: string,
  options: { calls: number; log?: (line: string) => void },
): Promise<Timing[]> {
  const { words } = corpusVocabulary();
  const random = createRandom(11);
  const word = () => words[Math.floor(random() * words.length)] ?? "Seoul";
  const year = now.slice(0, 4);
  const kinds: Array<[string, () => Parameters<typeof searchArticles>[1]]> = [
    ["search, one word", () => ({ q: word(), page: 1 })],
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
    timings.push(await time(name, options.calls, () => searchArticles(db, request(), now)));
  }
  options.log?.("timing suggestions…");
  timings.push(
    await time("search suggestions, a prefix", options.calls, () =>
      suggestArticles(db, word().slice(0, 3), now),
    ),
  );
  return timings;
}
