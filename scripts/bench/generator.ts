/**
 * The benchmark's deterministic data generator: the same seed and options always give the same
 * articles and page views, byte for byte, so two runs of `npm run bench` measure the same data.
 *
 * Articles are import records (the JSON Lines format of docs/content.md, "Import format"), so the
 * benchmark loads them through the real importer. Their text is drawn from the words of the
 * default Wikinews corpus with its own word frequencies, so it has the length and the word
 * distribution of real news copy (which matters for search and for page weight).
 */

/** A small, fast, seeded PRNG (mulberry32): uniform floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Words of a corpus with cumulative weights, to draw words at their real frequencies. */
export type Vocabulary = { words: string[]; cumulative: Float64Array };

/**
 * Builds a vocabulary from sample texts: every word (letters, digits, apostrophes and hyphens)
 * with its count. Words are sorted so the result does not depend on the order of the texts.
 * Throws when the texts hold no words.
 */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  if (counts.size === 0) throw new Error("buildVocabulary: the sample texts have no words");
  const words = [...counts.keys()].sort();
  const cumulative = new Float64Array(words.length);
  let total = 0;
  words.forEach((w, i) => {
    total += counts.get(w) ?? 0;
    cumulative[i] = total;
  });
  return { words, cumulative };
}

/** A word of the vocabulary, drawn at its frequency in the corpus. */
export function drawWord(vocabulary: Vocabulary, random: () => number): string {
  const { cumulative, words } = vocabulary;
  const target = random() * (cumulative[cumulative.length - 1] ?? 0);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) <= target) lo = mid + 1;
    else hi = mid;
  }
  return words[lo] ?? "";
}

/** The item at fraction `u` (0 ≤ u < 1) of a non-empty list. */
function pick<T>(items: readonly T[], u: number): T {
  const item = items[Math.floor(u * items.length)];
  if (item === undefined) throw new Error("pick: empty list");
  return item;
}

const between = (random: () => number, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

function sentence(vocabulary: Vocabulary, random: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i += 1) parts.push(drawWord(vocabulary, random));
  const text = parts.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export type GeneratorOptions = {
  /** How many articles to generate. */
  articles: number;
  /** Seed of the PRNG; the same seed gives the same data. */
  seed: number;
  /** The newest article's publication time and the end of the page-view window (ISO 8601 UTC). */
  now: string;
  /** Section paths to spread articles over ("national", "national/politics"). */
  sections: readonly string[];
  vocabulary: Vocabulary;
  /** Years the articles are spread over, ending at `now` (default 10). */
  years?: number;
};

const YEAR_MS = 365.25 * 24 * 3_600_000;
const AGENCIES = ["Yonhap", "AP", "AFP", "Reuters"];

/**
 * The publication time of article `index` (0 = oldest) of `count`, spread evenly over `years`
 * ending at `now`, with a deterministic jitter of up to a quarter of the spacing. Times only grow
 * with the index, which lets page views favour recent stories without a lookup.
 */
export function publishedAt(index: number, count: number, now: string, years = 10): number {
  const end = Date.parse(now);
  const span = years * YEAR_MS;
  const step = span / Math.max(1, count);
  const jitter = ((Math.imul(index + 1, 2_654_435_761) >>> 0) / 4_294_967_296) * (step / 4);
  return Math.floor(end - span + index * step + jitter);
}

/**
 * Yields `options.articles` import records as objects, oldest first. Each has a headline of 6-12
 * words, a standfirst, 5-12 paragraphs of 2-5 sentences (about 300-700 words), one of ~400
 * staff bylines or an agency, 1-4 tags from a pool of 2,000 with a skewed (Zipf-like) use,
 * and a section drawn evenly from `options.sections`. About 1 in 1,000 is a draft.
 */
export function* generateArticles(options: GeneratorOptions): Generator<Record<string, unknown>> {
  const random = createRandom(options.seed);
  const { vocabulary, sections } = options;
  const tagPool = Array.from({ length: 2_000 }, (_, i) => `${drawWord(vocabulary, random)} ${i}`);
  const staff = Array.from(
    { length: 400 },
    (_, i) => `${sentence(vocabulary, random, 1).slice(0, -1)} Writer${i}`,
  );
  for (let index = 0; index < options.articles; index += 1) {
    const paragraphs = Array.from({ length: between(random, 5, 12) }, () =>
      Array.from({ length: between(random, 2, 5) }, () =>
        sentence(vocabulary, random, between(random, 8, 22)),
      ).join(" "),
    );
    const tags = new Set<string>();
    const tagCount = between(random, 1, 4);
    // random()^3 skews the pick towards the start of the pool: a few tags are very common.
    while (tags.size < tagCount) tags.add(pick(tagPool, random() ** 3));
    const byAgency = random() < 0.2;
    yield {
      id: `bench-${index}`,
      headline: sentence(vocabulary, random, between(random, 6, 12)).slice(0, -1),
      standfirst: sentence(vocabulary, random, between(random, 15, 30)),
      published: new Date(
        publishedAt(index, options.articles, options.now, options.years),
      ).toISOString(),
      body: paragraphs,
      section: pick(sections, random()),
      tags: [...tags],
      author: pick(byAgency ? AGENCIES : staff, random()),
      status: random() < 0.001 ? "draft" : "published",
    };
  }
}

/** One page view: which article (0-based index in generation order), when (ms since epoch), by whom. */
export type GeneratedView = { articleIndex: number; viewedAt: number; reader: number };

/**
 * Yields `count` page views over the 30 days before `now`, in time order. Like real traffic,
 * most go to recent stories: 70% to a story published up to 3 days before the view, weighted
 * towards the newest, and 30% spread over the whole archive. `articles` and `years` must be the
 * ones the articles were generated with. Readers are ids from a pool of 2 million.
 */
export function* generatePageViews(options: {
  count: number;
  articles: number;
  now: string;
  seed: number;
  years?: number;
}): Generator<GeneratedView> {
  const random = createRandom(options.seed ^ 0x5eed);
  const end = Date.parse(options.now);
  const windowMs = 30 * 24 * 3_600_000;
  const span = (options.years ?? 10) * YEAR_MS;
  const perMs = options.articles / span;
  for (let i = 0; i < options.count; i += 1) {
    const viewedAt = Math.floor(end - windowMs + ((i + random()) / options.count) * windowMs);
    // Index of the newest story published by then (publishedAt grows with the index).
    const newest = Math.max(
      0,
      Math.min(options.articles - 1, Math.floor((viewedAt - (end - span)) * perMs) - 1),
    );
    let articleIndex: number;
    if (random() < 0.7) {
      const back = Math.floor(random() ** 2 * 3 * 24 * 3_600_000 * perMs);
      articleIndex = Math.max(0, newest - back);
    } else {
      articleIndex = Math.floor(random() * (newest + 1));
    }
    yield { articleIndex, viewedAt, reader: Math.floor(random() * 2_000_000) };
  }
}
