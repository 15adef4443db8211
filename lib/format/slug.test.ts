import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

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
