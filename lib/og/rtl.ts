/**
 * Right-to-left headlines on the share cards. Satori lays every line out left to right, so the
 * words of an Arabic headline would come out in reading order from the left: backwards. The card
 * therefore cuts such a headline into pieces, in reading order, and lays them out in a wrapping
 * row from the right (`flex-direction: row-reverse`): the first words on the first line, at its
 * right end. Inside each piece, lib/og/arabic-shaping.ts puts the letters in visual order.
 *
 * This is a small part of the Unicode Bidirectional Algorithm (UAX #9), enough for headlines:
 * the paragraph's direction is that of its first strong letter; each right-to-left word and each
 * number is a piece of its own; consecutive left-to-right words (a Latin name, "K-pop") stay
 * together in one piece, in their own order.
 */

const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** Whether the paragraph `text` reads right to left: its first letter is Arabic, Hebrew, ... */
export function isRightToLeft(text: string): boolean {
  const first = text.match(LETTER);
  return first !== null && RTL_LETTER.test(first[0]);
}

type Kind = "rtl" | "ltr" | "number" | "neutral";

function kindOf(word: string): Kind {
  if (RTL_LETTER.test(word)) return "rtl";
  if (LETTER.test(word)) return "ltr";
  if (DIGIT.test(word)) return "number";
  return "neutral";
}

/**
 * The pieces of the right-to-left paragraph `text` (words separated by single spaces), in reading
 * order; each piece is drawn left to right inside, the pieces from right to left.
 */
export function rightToLeftPieces(text: string): string[] {
  const words = text.split(" ").filter((word) => word !== "");
  const kinds = words.map(kindOf);
  // A neutral word ("-", "|") between two left-to-right words belongs to their run.
  const strong = (from: number, step: 1 | -1) => {
    for (let i = from; i >= 0 && i < kinds.length; i += step)
      if (kinds[i] !== "neutral") return kinds[i];
    return null;
  };
  const pieces: string[] = [];
  let previousLtr = false;
  words.forEach((word, i) => {
    const kind = kinds[i];
    const ltr =
      kind === "ltr" ||
      (kind === "neutral" && strong(i - 1, -1) === "ltr" && strong(i + 1, 1) === "ltr");
    if (ltr && previousLtr) pieces[pieces.length - 1] += ` ${word}`;
    else pieces.push(word);
    previousLtr = ltr;
  });
  return pieces;
}
