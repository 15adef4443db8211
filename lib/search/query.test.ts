import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_TERMS, cleanQuery, foldToken, parseQuery, tokenize } from "./query";

describe("parseQuery", () => {
  it("quotes every word as an FTS5 string, so operators are only words", () => {
    expect(parseQuery("Seoul AND Tokyo").match).toBe('"seoul" "and" "tokyo"');
    expect(parseQuery("NEAR(a b) OR NOT c").match).toBe('"near a" "b" "or" "not" "c"');
    expect(parseQuery("headline:seoul -tokyo korea*").match).toBe(
      '"headline seoul" "tokyo" "korea"',
    );
  });

  it("keeps double-quoted phrases as phrases, and ignores an unmatched quote", () => {
    expect(parseQuery('"north korea" summit').match).toBe('"north korea" "summit"');
    expect(parseQuery("“smart quotes” too").match).toBe('"smart quotes" "too"');
    expect(parseQuery('summit "north korea').match).toBe('"summit" "north" "korea"');
    expect(parseQuery('")(*NEAR').match).toBe('"near"');
  });

  it("makes a word with punctuation inside a phrase of its parts", () => {
    expect(parseQuery("e-mail U.S. don't").match).toBe('"e mail" "u s" "don t"');
  });

  it("folds case and accents as the index does", () => {
    expect(tokenize("Émile ZOLA café")).toEqual(["emile", "zola", "cafe"]);
    // Plain ASCII takes a shortcut (lower case only); it must agree with the full folding.
    for (const t of ["Seoul", "NEWS", "x2024", "Émile", "İstanbul", "ǅemal", "ﬁne"])
      expect(foldToken(t), t).toBe(
        t
          .normalize("NFD")
          .replace(/\p{M}+/gu, "")
          .toLowerCase()
          .normalize("NFC"),
      );
  });

  it("finds no words in punctuation, emoji or an empty query", () => {
    for (const q of ["", "   ", "*", '"")(', "🇰🇷 🎉", "-:^"]) {
      const parsed = parseQuery(q);
      expect(parsed.match, q).toBeNull();
      expect(parsed.terms, q).toEqual([]);
    }
  });

  it("lets Korean words match longer words (particles), and prefixes the last word on request", () => {
    expect(parseQuery("한국 외교").match).toBe('"한국" * "외교" *');
    expect(parseQuery("seo", { prefixLast: true }).match).toBe('"seo" *');
    expect(parseQuery("seoul ", { prefixLast: true }).match).toBe('"seoul"');
    expect(parseQuery('"north korea"', { prefixLast: true }).match).toBe('"north korea"');
  });

  it("cuts long queries at MAX_QUERY_LENGTH characters and says so", () => {
    const long = "word ".repeat(400);
    const parsed = parseQuery(long);
    expect(parsed.truncated).toBe(true);
    expect([...parsed.text].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(parseQuery("short").truncated).toBe(false);
    expect(cleanQuery("😀".repeat(MAX_QUERY_LENGTH + 1)).text).toBe("😀".repeat(MAX_QUERY_LENGTH));
  });

  it("uses at most MAX_TERMS words, once each", () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ");
    expect(parseQuery(words).terms).toHaveLength(MAX_TERMS);
    expect(parseQuery("seoul Seoul SEOUL").terms).toHaveLength(1);
  });

  it("drops control characters and normalises full-width letters", () => {
    expect(parseQuery("ｓｅｏｕｌ\u0000\u200bnews").match).toBe('"seoul" "news"');
  });
});
