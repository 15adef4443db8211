import { describe, expect, it } from "vitest";
import { describeInvalidUnicode, findInvalidUnicode } from "./unicode";

describe("describeInvalidUnicode", () => {
  it("passes text of any script, emoji and flags (surrogate pairs) as valid", () => {
    for (const text of [
      "",
      "Seoul",
      "한국 태그",
      "東京",
      "مرحبا",
      "हिन्दी",
      "🇰🇷 🎉 𠀀",
      "\uFFFC\uFEFF",
    ])
      expect(describeInvalidUnicode(text)).toBeNull();
  });

  it("names a lone surrogate, high or low, with its position and the text before it", () => {
    expect(describeInvalidUnicode("Seoul \ud800 rain")).toBe(
      'not valid Unicode: lone surrogate U+D800 at character 7, after "Seoul "',
    );
    expect(describeInvalidUnicode("\udc00")).toBe(
      "not valid Unicode: lone surrogate U+DC00 at character 1",
    );
    // A pair cut in two: the high half is left alone at the end.
    expect(describeInvalidUnicode("cut 🎉\ud83c")).toMatch(
      /^not valid Unicode: lone surrogate U\+D83C at character 7/,
    );
  });

  it("names noncharacters: U+FFFE, U+FFFF, U+FDD0-U+FDEF and the end of every plane", () => {
    expect(describeInvalidUnicode("a\uFFFE")).toBe(
      'not valid Unicode: noncharacter U+FFFE at character 2, after "a"',
    );
    expect(describeInvalidUnicode("\uFFFF")).toMatch(/noncharacter U\+FFFF at character 1$/);
    expect(describeInvalidUnicode("\uFDD0")).toMatch(/noncharacter U\+FDD0/);
    expect(describeInvalidUnicode("\u{1FFFF}")).toMatch(/noncharacter U\+1FFFF/);
    expect(describeInvalidUnicode("\u{10FFFE}")).toMatch(/noncharacter U\+10FFFE/);
  });

  it("names U+FFFD, what bytes that were not UTF-8 are decoded to", () => {
    expect(describeInvalidUnicode("caf\uFFFD")).toMatch(
      /^not valid Unicode: replacement character .* U\+FFFD at character 4/,
    );
  });

  it("never cuts a surrogate pair in the context it quotes", () => {
    // Twelve code units back from the U+FFFF is the second half of an emoji.
    const reason = describeInvalidUnicode("🎉".repeat(10) + "x\uFFFF") ?? "";
    expect(reason.isWellFormed()).toBe(true);
    expect(reason).toContain(`after "${"🎉".repeat(5)}x"`);
  });
});

describe("findInvalidUnicode", () => {
  it("gives the path of the first invalid string in nested objects and arrays", () => {
    expect(findInvalidUnicode({ a: "ok", b: ["ok", { c: "x\uFFFF" }] })).toBe(
      'b.1.c: not valid Unicode: noncharacter U+FFFF at character 2, after "x"',
    );
    expect(findInvalidUnicode({ n: 1, t: null, s: ["한국"] })).toBeNull();
    expect(findInvalidUnicode("\ud800")).toMatch(/^text: not valid Unicode/);
  });
});
