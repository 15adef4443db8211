/**
 * Arabic words for the share cards, shaped and ordered before satori sees them. Satori's font
 * engine joins Arabic letters and draws a word right to left by itself, but it measures the word
 * at the width of its unjoined letters, so joined words leave uneven gaps after them. Handing it
 * each word already in Unicode's presentation forms (the initial, medial, final and isolated
 * shape of each letter, and the lam-alef ligatures) and in visual order, left to right, makes
 * what it measures what it draws.
 *
 * The joining rules are Unicode's (chapter 9.2, ArabicShaping.txt) for the letters of Arabic,
 * Persian and Urdu that have presentation forms. Combining marks (harakat, which headlines seldom
 * carry) are dropped: without the font's positioning rules, which satori does not apply to
 * presentation forms, they would land beside their letter. A word with any other Arabic letter is
 * left as it is, to satori.
 */

/** Letters joining on both sides: their isolated form; final, initial, medial follow it. */
const DUAL: Record<number, number> = {
  0x0626: 0xfe89,
  0x0628: 0xfe8f,
  0x062a: 0xfe95,
  0x062b: 0xfe99,
  0x062c: 0xfe9d,
  0x062d: 0xfea1,
  0x062e: 0xfea5,
  0x0633: 0xfeb1,
  0x0634: 0xfeb5,
  0x0635: 0xfeb9,
  0x0636: 0xfebd,
  0x0637: 0xfec1,
  0x0638: 0xfec5,
  0x0639: 0xfec9,
  0x063a: 0xfecd,
  0x0641: 0xfed1,
  0x0642: 0xfed5,
  0x0643: 0xfed9,
  0x0644: 0xfedd,
  0x0645: 0xfee1,
  0x0646: 0xfee5,
  0x0647: 0xfee9,
  0x064a: 0xfef1,
  0x0679: 0xfb66,
  0x067e: 0xfb56,
  0x0686: 0xfb7a,
  0x06a9: 0xfb8e,
  0x06af: 0xfb92,
  0x06be: 0xfbaa,
  0x06c1: 0xfba6,
  0x06cc: 0xfbfc,
};

/** Letters joining only to the letter before them: their isolated form; the final follows it. */
const RIGHT: Record<number, number> = {
  0x0622: 0xfe81,
  0x0623: 0xfe83,
  0x0624: 0xfe85,
  0x0625: 0xfe87,
  0x0627: 0xfe8d,
  0x0629: 0xfe93,
  0x062f: 0xfea9,
  0x0630: 0xfeab,
  0x0631: 0xfead,
  0x0632: 0xfeaf,
  0x0648: 0xfeed,
  0x0649: 0xfeef,
  0x0671: 0xfb50,
  0x0688: 0xfb88,
  0x0691: 0xfb8c,
  0x0698: 0xfb8a,
  0x06ba: 0xfb9e,
  0x06d2: 0xfbae,
};

/** Lam followed by these alefs becomes one ligature: its isolated form; the final follows it. */
const LAM = 0x0644;
const LAM_ALEF: Record<number, number> = {
  0x0622: 0xfef5,
  0x0623: 0xfef7,
  0x0625: 0xfef9,
  0x0627: 0xfefb,
};

/** Hamza joins nothing; its presentation form keeps satori's shaper away from the word. */
const HAMZA = 0x0621;
const HAMZA_FORM = 0xfe80;

const TATWEEL = 0x0640;
const ZWJ = 0x200d;
const ZWNJ = 0x200c;
/** Vowel and other combining marks: dropped, since the card cannot place them over letters. */
const MARKS = /\p{Mn}/gu;
const ARABIC = /\p{Script=Arabic}/u;
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/u;
const MIRRORED: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "{": "}",
  "}": "{",
  "«": "»",
  "»": "«",
  "<": ">",
  ">": "<",
};

type Join = "dual" | "right" | "causing" | "none";

function joining(code: number): Join {
  if (code in DUAL) return "dual";
  if (code in RIGHT) return "right";
  if (code === TATWEEL || code === ZWJ) return "causing";
  return "none";
}

const joinsForward = (j: Join) => j === "dual" || j === "causing";
const joinsBackward = (j: Join) => j !== "none";

/** A run of Arabic letters (no marks) in presentation forms, in visual order (left to right). */
function shapeRun(run: string): string {
  const letters = Array.from(run, (char) => char.codePointAt(0)!);
  const shaped: number[] = [];
  for (let i = 0; i < letters.length; i++) {
    const base = letters[i]!;
    const self = joining(base);
    const joinsPrevious = joinsForward(joining(letters[i - 1] ?? ZWNJ)) && joinsBackward(self);
    const ligature = base === LAM ? LAM_ALEF[letters[i + 1] ?? 0] : undefined;
    if (ligature !== undefined) {
      shaped.push(joinsPrevious ? ligature + 1 : ligature);
      i++;
    } else if (self === "dual") {
      const joinsNext = joinsBackward(joining(letters[i + 1] ?? ZWNJ));
      shaped.push(DUAL[base]! + (joinsPrevious ? (joinsNext ? 3 : 1) : joinsNext ? 2 : 0));
    } else if (self === "right") shaped.push(RIGHT[base]! + (joinsPrevious ? 1 : 0));
    else if (base === HAMZA) shaped.push(HAMZA_FORM);
    else if (base !== ZWJ && base !== ZWNJ) shaped.push(base);
  }
  return String.fromCodePoint(...shaped.reverse());
}

/** Whether every Arabic letter of `word` has presentation forms here. */
function canShape(word: string): boolean {
  for (const char of word) {
    const code = char.codePointAt(0)!;
    if (ARABIC_LETTER.test(char) && code !== HAMZA && joining(code) === "none") return false;
  }
  return true;
}

/** A word's runs: Arabic letters with their marks, and everything else (digits, Latin, signs). */
const RUNS =
  /(?:(?!\p{Nd})[\p{Script=Arabic}\p{Mn}\u0640\u200c\u200d])+|(?:\p{Nd}|[^\p{Script=Arabic}\p{Mn}\u0640\u200c\u200d])+/gu;

/**
 * One word (no spaces) as satori should draw it: when it has Arabic letters, its letters in
 * presentation forms without marks and its runs in visual order, digits and Latin runs left to
 * right inside, brackets mirrored. Any other word, or one with letters this module cannot shape, is unchanged.
 * `canDraw` says whether the card's fonts have a character; a word whose shapes they lack is
 * left unchanged too.
 */
export function visualArabicWord(word: string, canDraw: (char: string) => boolean = () => true) {
  if (!ARABIC.test(word) || !canShape(word)) return word;
  const visual = word
    .match(RUNS)!
    .reverse()
    .map((run) =>
      ARABIC_LETTER.test(run) || /^[\p{Mn}\u0640\u200c\u200d]+$/u.test(run)
        ? shapeRun(run.replace(MARKS, ""))
        : [...run].map((char) => MIRRORED[char] ?? char).join(""),
    )
    .join("");
  return [...visual].every(canDraw) ? visual : word;
}

/** `text` with each of its space-separated words passed through visualArabicWord. */
export function visualArabic(text: string, canDraw?: (char: string) => boolean): string {
  return text
    .split(" ")
    .map((word) => visualArabicWord(word, canDraw))
    .join(" ");
}
