import { describe, expect, it } from "vitest";
import { deskHref, parseDeskQuery } from "./desk-query";

describe("parseDeskQuery", () => {
  it("defaults: drafts, newest first, page 1, mine as the role says", () => {
    expect(parseDeskQuery({}, true)).toEqual({
      state: "draft",
      section: undefined,
      author: undefined,
      words: undefined,
      sort: "newest",
      mine: true,
      page: 1,
    });
    expect(parseDeskQuery({}, false).mine).toBe(false);
  });

  it("reads every filter", () => {
    expect(
      parseDeskQuery(
        {
          state: "review",
          section: "3",
          author: " Kim ",
          words: "rain",
          sort: "oldest",
          show: "all",
          page: "2",
        },
        true,
      ),
    ).toEqual({
      state: "review",
      section: 3,
      author: "Kim",
      words: "rain",
      sort: "oldest",
      mine: false,
      page: 2,
    });
  });

  it.each([
    ["state", "deleted", "state", "draft"],
    ["section", "-1", "section", undefined],
    ["section", "x", "section", undefined],
    ["sort", "random", "sort", "newest"],
    ["page", "0", "page", 1],
    ["page", "1e9", "page", 1],
    ["words", "   ", "words", undefined],
    ["words", "x".repeat(201), "words", undefined],
  ] as const)("a bad %s (%j) falls back to the default", (name, value, key, expected) => {
    expect(parseDeskQuery({ [name]: value }, true)[key]).toBe(expected);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseDeskQuery({ state: ["published", "draft"] }, true).state).toBe("published");
  });
});

describe("deskHref", () => {
  it("keeps only what differs from the defaults and round-trips", () => {
    expect(deskHref(parseDeskQuery({}, true), true)).toBe("/newsroom");
    const query = parseDeskQuery({ state: "scheduled", words: "한국 비", page: "3" }, true);
    const href = deskHref(query, true);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseDeskQuery(params, true)).toEqual(query);
  });
});
