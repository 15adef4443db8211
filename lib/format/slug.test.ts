import { describe, expect, it } from "vitest";
import { TAG_SLUG_PATTERN, tagPath } from "../urls";
import { slugify, unicodeSlug } from "./slug";

describe("slugify", () => {
  it("turns section names into their slugs", () => {
    expect(slugify("Life&Style")).toBe("life-style");
    expect(slugify("Food & Beverage")).toBe("food-beverage");
    expect(slugify("K-pop")).toBe("k-pop");
    expect(slugify("English Eye")).toBe("english-eye");
    expect(slugify("esports")).toBe("esports");
  });

  it("spells out letters that have no accent to drop", () => {
    expect(slugify("Łódź")).toBe("lodz");
    expect(slugify("Straße")).toBe("strasse");
  });

  it("drops accents", () => {
    expect(slugify("Gdańsk")).toBe("gdansk");
    expect(slugify("José Dirceu")).toBe("jose-dirceu");
  });

  it("drops apostrophes and folds punctuation into single hyphens", () => {
    expect(slugify("North Korea puts military in 'quasi-state of war'")).toBe(
      "north-korea-puts-military-in-quasi-state-of-war",
    );
    expect(slugify("Korea’s  --  president!")).toBe("koreas-president");
  });

  it('returns "" for text without letters or digits', () => {
    expect(slugify("")).toBe("");
    expect(slugify("&&& —")).toBe("");
  });

  it("cuts at a word boundary, within the maximum length", () => {
    expect(slugify("alpha beta gamma", 12)).toBe("alpha-beta");
    expect(slugify("alpha beta gamma", 10)).toBe("alpha-beta");
    expect(slugify("alpha beta gamma", 9)).toBe("alpha");
    expect(slugify("alpha beta gamma", 16)).toBe("alpha-beta-gamma");
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toBe(Array(16).fill("word").join("-"));
    expect(long.endsWith("-")).toBe(false);
  });

  it("cuts a single long word at the maximum length", () => {
    expect(slugify("a".repeat(100))).toBe("a".repeat(80));
    expect(slugify("abcdefghij", 4)).toBe("abcd");
  });
});

// docs/decisions/028-unicode-slugs-for-tags-and-bylines.md
describe("unicodeSlug", () => {
  it("keeps letters and digits of every script, lower-cased, words joined by hyphens", () => {
    expect(unicodeSlug("한국 태그")).toBe("한국-태그");
    expect(unicodeSlug("東京 都")).toBe("東京-都");
    expect(unicodeSlug("Москва, Россия")).toBe("москва-россия");
    expect(unicodeSlug("Йошкар-Ола")).toBe("йошкар-ола");
    expect(unicodeSlug("مرحبا بالعالم")).toBe("مرحبا-بالعالم");
    expect(unicodeSlug("हिन्दी भाषा")).toBe("हिन्दी-भाषा");
    expect(unicodeSlug("Ελλάδα 2024")).toBe("ελλάδα-2024");
  });

  it("folds Latin letters as slugify does, so ASCII-spelt names keep their slugs", () => {
    for (const name of [
      "Brasília",
      "Luiz Inácio Lula da Silva",
      "Gdańsk",
      "Łódź",
      "Life&Style",
      "K-pop",
    ])
      expect(unicodeSlug(name)).toBe(slugify(name));
    expect(unicodeSlug("İstanbul")).toBe("istanbul");
    expect(unicodeSlug("Gdańsk 한국")).toBe("gdansk-한국");
  });

  it("normalises to NFC, width and compatibility forms included", () => {
    expect(unicodeSlug("\u1112\u1161\u11AB")).toBe("한");
    expect(unicodeSlug("ｶﾞ ＡＢＣ１")).toBe("ガ-abc1");
  });

  it("drops invisible characters and marks with no letter to sit on", () => {
    expect(unicodeSlug("می\u200Cخواهم")).toBe("میخواهم");
    expect(unicodeSlug("\u3164")).toBe("");
    expect(unicodeSlug("\u0301x")).toBe("x");
  });

  it('returns "" for punctuation, symbols and emoji only', () => {
    for (const name of ["", "!!!", "—", "🎉", "❤️", "  "]) expect(unicodeSlug(name)).toBe("");
  });

  it("cuts at a word boundary, counting code points, never inside a surrogate pair", () => {
    expect(unicodeSlug("한국 ".repeat(30))).toBe(Array(27).fill("한국").join("-"));
    const wide = unicodeSlug("𠀀".repeat(100));
    expect([...wide]).toHaveLength(80);
    expect(wide.isWellFormed()).toBe(true);
  });

  it("makes slugs lib/urls.ts accepts and builds a tag URL from, percent-encoded", () => {
    for (const name of [
      "한국 태그",
      "Brasília",
      "हिन्दी भाषा",
      "𠀀".repeat(100),
      "word ".repeat(40),
    ])
      expect(unicodeSlug(name)).toMatch(TAG_SLUG_PATTERN);
    expect(tagPath(unicodeSlug("한국 태그"))).toBe("/tag/%ED%95%9C%EA%B5%AD-%ED%83%9C%EA%B7%B8");
    expect(decodeURIComponent(tagPath("한국-태그").slice("/tag/".length))).toBe("한국-태그");
    for (const bad of ["", "-a", "a-", "a--b", "a b", "a/b", "\u0301a", "x".repeat(81)])
      expect(bad).not.toMatch(TAG_SLUG_PATTERN);
  });
});
