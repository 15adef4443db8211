import { describe, expect, it } from "vitest";
import { articleSitemapFileSchema, articleSitemapName, articleSitemapPath } from "./sitemap-paths";

describe("article sitemap file names", () => {
  it("reads a month and a part from the file name", () => {
    expect(articleSitemapFileSchema.parse("2020-03.xml")).toEqual({ month: "2020-03", part: 1 });
    expect(articleSitemapFileSchema.parse("2020-03-2.xml")).toEqual({ month: "2020-03", part: 2 });
    expect(articleSitemapFileSchema.parse("1999-12-17.xml")).toEqual({
      month: "1999-12",
      part: 17,
    });
  });

  it("rejects malformed names, impossible months and non-canonical parts", () => {
    for (const name of [
      "2020-13.xml",
      "2020-00.xml",
      "2020-3.xml",
      "0999-01.xml",
      "2020-03-1.xml",
      "2020-03-0.xml",
      "2020-03-02.xml",
      "2020-03-10000.xml",
      "2020-03",
      "2020-03.xml.gz",
      "abc.xml",
      "",
    ])
      expect(articleSitemapFileSchema.safeParse(name).success, name).toBe(false);
  });

  it("writes part 1 as the bare month and later parts with a suffix", () => {
    expect(articleSitemapName({ month: "2020-03", part: 1 })).toBe("2020-03");
    expect(articleSitemapPath({ month: "2020-03", part: 3 })).toBe(
      "/sitemaps/articles/2020-03-3.xml",
    );
  });
});
