import { describe, expect, it } from "vitest";
import { highlightAll, snippet, termsIn, type TextPart } from "./highlight";
import { parseQuery } from "./query";

const terms = (q: string) => parseQuery(q).terms;
const marked = (parts: TextPart[] | null) =>
  (parts ?? []).filter((p) => p.match).map((p) => p.text);
const joined = (parts: TextPart[] | null) => (parts ?? []).map((p) => p.text).join("");

describe("highlightAll", () => {
  it("marks every occurrence of a word, whatever its case and accents, and keeps the text whole", () => {
    const text = "Café owners in Seoul: the CAFE trade and cafés.";
    const parts = highlightAll(text, terms("cafe"));
    expect(joined(parts)).toBe(text);
    expect(marked(parts)).toEqual(["Café", "CAFE"]);
  });

  it("marks a phrase only where its words stand together", () => {
    const parts = highlightAll("North Korea and South Korea; korea north", terms('"north korea"'));
    expect(marked(parts)).toEqual(["North Korea"]);
  });

  it("keeps markup in the text as plain text pieces", () => {
    const text = `<script>alert("seoul")</script> Seoul`;
    const parts = highlightAll(text, terms("seoul"));
    expect(joined(parts)).toBe(text);
    expect(marked(parts)).toEqual(["seoul", "Seoul"]);
  });

  it("marks Korean words with their particles", () => {
    expect(marked(highlightAll("한국의 외교와 한국어", terms("한국")))).toEqual([
      "한국의",
      "한국어",
    ]);
  });
});

describe("snippet", () => {
  const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
  it("cuts about 32 words around the matches, with ellipses", () => {
    const text = [...words.slice(0, 100), "Seoul", "summit", ...words.slice(100)].join(" ");
    const parts = snippet(text, terms("seoul summit"));
    const out = joined(parts);
    expect(out.startsWith("… ")).toBe(true);
    expect(out.endsWith(" …")).toBe(true);
    expect(marked(parts)).toEqual(["Seoul", "summit"]);
    expect(out.split(" ").length).toBeLessThanOrEqual(36);
  });

  it("prefers the passage holding the most different words", () => {
    const text = ["Seoul", ...words.slice(0, 80), "Seoul", "talks", "summit", ...words].join(" ");
    expect(marked(snippet(text, terms("seoul summit talks")))).toEqual([
      "Seoul",
      "talks",
      "summit",
    ]);
  });

  it("returns null when no word occurs in the text", () => {
    expect(snippet("Nothing to see here", terms("seoul"))).toBeNull();
  });

  it("shows a short text whole, without ellipses", () => {
    expect(joined(snippet("Talks in Seoul.", terms("seoul")))).toBe("Talks in Seoul.");
  });
});

describe("termsIn", () => {
  it("tells which words and phrases occur, as the index would match them", () => {
    const text = "Café talks in Seoul — North\nKorea's envoy; Séoulites";
    expect(termsIn(text, terms('cafe seoul "north korea" envoys tokyo'))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(termsIn(text, parseQuery("seoulit", { prefixLast: true }).terms)).toEqual([true]);
    expect(termsIn("a.b*c", terms("b"))).toEqual([true]);
    expect(termsIn("한국의 외교", terms("한국"))).toEqual([true]);
  });
});
