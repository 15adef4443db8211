import { describe, expect, it } from "vitest";
import { visualArabic, visualArabicWord } from "./arabic-shaping";

/** Code points as a string, so expectations read as the forms they are. */
const forms = (...codes: number[]) => String.fromCodePoint(...codes);

describe("visualArabicWord", () => {
  it.each([
    // في: initial FEH, final YEH; drawn left to right, so the final form comes first.
    ["في", forms(0xfef2, 0xfed3)],
    // سلام: initial SEEN, the final lam-alef ligature, isolated MEEM (alef does not join on).
    ["سلام", forms(0xfee1, 0xfefc, 0xfeb3)],
    // لا alone: the isolated ligature.
    ["لا", forms(0xfefb)],
    // مصر: initial MEEM, medial SAD, final REH.
    ["مصر", forms(0xfeae, 0xfebc, 0xfee3)],
    // A right-joining letter joins nothing after it: دار is three isolated letters.
    ["دار", forms(0xfead, 0xfe8d, 0xfea9)],
    // Persian: گاه (GAF initial, ALEF final, HEH isolated).
    ["گاه", forms(0xfee9, 0xfe8e, 0xfb94)],
  ])("%s is shaped and reversed", (word, visual) => {
    expect(visualArabicWord(word)).toBe(visual);
  });

  it("drops vowel marks, which the card could not place", () => {
    // مُن: initial MEEM (its damma dropped), final NOON.
    expect(visualArabicWord("مُن")).toBe(forms(0xfee6, 0xfee3));
  });

  it("puts punctuation and numbers where a right-to-left reader expects them", () => {
    expect(visualArabicWord("مصر،")).toBe(`،${forms(0xfeae, 0xfebc, 0xfee3)}`);
    expect(visualArabicWord("(مصر)")).toBe(`(${forms(0xfeae, 0xfebc, 0xfee3)})`);
    expect(visualArabicWord("عام2024")).toBe(`2024${forms(0xfee1, 0xfe8e, 0xfecb)}`);
  });

  it("leaves other words alone", () => {
    for (const word of ["Seoul", "서울", "中国", "2024", "K-pop"])
      expect(visualArabicWord(word)).toBe(word);
  });

  it("leaves a word alone when it has a letter without presentation forms here", () => {
    expect(visualArabicWord("ٺب")).toBe("ٺب"); // U+067A, a Sindhi letter
  });

  it("leaves a word alone when the fonts lack one of its forms", () => {
    expect(visualArabicWord("في", (char) => char !== forms(0xfed3))).toBe("في");
  });
});

describe("visualArabic", () => {
  it("shapes each word and keeps the words' order (the layout orders them)", () => {
    expect(visualArabic("في مصر Seoul")).toBe(
      `${forms(0xfef2, 0xfed3)} ${forms(0xfeae, 0xfebc, 0xfee3)} Seoul`,
    );
  });
});
