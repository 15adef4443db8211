import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { fontCodePoints } from "./cmap";
import { CARD_FONTS, cardText, isDrawable } from "./fonts";

describe("the share cards' fonts", () => {
  it("are the house serif first, then Hangul, Han and Arabic fallbacks", () => {
    expect(CARD_FONTS.map((font) => font.name)).toEqual([
      "DejaVu Serif",
      "Noto Sans CJK KR",
      "Noto Sans CJK SC",
      "Noto Naskh Arabic",
    ]);
  });

  it.each([
    ["a Hangul syllable, first and last", "가힣"],
    ["Hangul compatibility jamo", "ㄱㅎ"],
    ["common hanzi (GB 2312)", "中国经济"],
    ["hanja in Korean headlines (KS X 1001)", "北美韓與"],
    ["kana", "あア"],
    ["Arabic letters and their presentation forms", "سلامﻻ"],
    ["Latin, Greek and Cyrillic", "AéΩЖ"],
  ])("draw %s", (_what, chars) => {
    for (const char of chars) expect(isDrawable(char), char).toBe(true);
  });

  it("leave out what none of them draws, and tidy the spaces", () => {
    expect(cardText("  Seoul 🎉 rain\u0007 ไทย  \n서울 ")).toBe("Seoul rain 서울");
  });
});

describe("fontCodePoints", () => {
  it("reads a TrueType font's cmap", () => {
    const points = fontCodePoints(fs.readFileSync("assets/fonts/DejaVuSerif-Bold.ttf"));
    expect(points.has("A".codePointAt(0)!)).toBe(true);
    expect(points.has("가".codePointAt(0)!)).toBe(false);
  });

  it("refuses what is not a font file", () => {
    expect(() => fontCodePoints(new TextEncoder().encode("wOF2 not a font"))).toThrow(
      /not a TrueType or OpenType font/,
    );
  });
});
