import { describe, expect, it } from "vitest";
import { isRightToLeft, rightToLeftPieces } from "./rtl";

describe("isRightToLeft", () => {
  it.each([
    ["الرئيس الكوري", true],
    ["2024: الرئيس", true],
    ["שלום עולם", true],
    ["Samsung في القاهرة", false],
    ["서울 지하철", false],
    ["2024", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    expect(isRightToLeft(text)).toBe(expected);
  });
});

describe("rightToLeftPieces", () => {
  it("makes each Arabic word a piece, in reading order", () => {
    expect(rightToLeftPieces("الرئيس الكوري يزور القاهرة")).toEqual([
      "الرئيس",
      "الكوري",
      "يزور",
      "القاهرة",
    ]);
  });

  it("keeps a run of left-to-right words together, in their own order", () => {
    expect(rightToLeftPieces("شركة Samsung Electronics - Korea تعلن")).toEqual([
      "شركة",
      "Samsung Electronics - Korea",
      "تعلن",
    ]);
  });

  it("keeps numbers and lone punctuation as pieces of their own", () => {
    expect(rightToLeftPieces("في عام 2024 - 10 مليون")).toEqual([
      "في",
      "عام",
      "2024",
      "-",
      "10",
      "مليون",
    ]);
  });
});
