import { describe, expect, it } from "vitest";
import { parseSearchParams, readQueryText } from "./params";

describe("parseSearchParams", () => {
  it("reads q, page, section and dates; the first of repeated values counts", () => {
    expect(
      parseSearchParams({
        q: ["seoul", "tokyo"],
        page: "3",
        section: "national/politics",
        from: "2024-01-01",
        to: "2024-01-31",
      }),
    ).toEqual({
      ok: true,
      request: {
        q: "seoul",
        page: 3,
        section: "national/politics",
        from: "2024-01-01",
        to: "2024-01-31",
      },
      notices: [],
    });
    expect(parseSearchParams({})).toEqual({
      ok: true,
      request: { q: "", page: 1, section: null, from: null, to: null },
      notices: [],
    });
  });

  it("refuses malformed page numbers (a 404), as section fronts do", () => {
    for (const page of ["0", "-1", "1.5", "abc", "01", "", "100000", " 2"])
      expect(parseSearchParams({ q: "x", page }).ok, page).toBe(false);
  });

  it("drops a bad section or date with a notice and keeps the valid parts", () => {
    const parsed = parseSearchParams({
      q: "x",
      section: "../etc",
      from: "2021-02-30",
      to: "2024-12-31",
    });
    expect(parsed.ok && parsed.request).toMatchObject({
      section: null,
      from: null,
      to: "2024-12-31",
    });
    expect(parsed.ok && parsed.notices).toEqual([
      "That section does not exist, so all sections were searched.",
      "The start date was ignored: use a real date between 1900 and 2100, written YYYY-MM-DD.",
    ]);
    for (const day of [
      "2024-13-45",
      "9999-99-99",
      "1899-12-31",
      "2101-01-01",
      "2024-1-1",
      "yesterday",
      "2024-02-29T00:00",
    ]) {
      const p = parseSearchParams({ q: "x", to: day });
      expect(p.ok && p.request.to, day).toBeNull();
    }
    const leap = parseSearchParams({ q: "x", to: "2024-02-29" });
    expect(leap.ok && leap.request.to).toBe("2024-02-29");
  });

  it("swaps a start date after the end date, and says so", () => {
    const parsed = parseSearchParams({ q: "x", from: "2024-03-01", to: "2024-01-01" });
    expect(parsed.ok && [parsed.request.from, parsed.request.to]).toEqual([
      "2024-01-01",
      "2024-03-01",
    ]);
    expect(parsed.ok && parsed.notices).toHaveLength(1);
  });

  it("bounds the work on a huge q without hiding that it was too long", () => {
    const q = readQueryText({ q: "a".repeat(100_000) });
    expect(q.length).toBeLessThan(1000);
    expect(q.length).toBeGreaterThan(200);
  });
});
