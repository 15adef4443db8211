import { describe, expect, it } from "vitest";
import { robotsFile } from "./robots";

describe("robots.txt", () => {
  it("allows everything but /api/ and the newsroom, and names the sitemap index", () => {
    const robots = robotsFile((path) => `https://herald.example${path}`);
    expect(robots).toEqual({
      rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/newsroom"] },
      sitemap: "https://herald.example/sitemap.xml",
    });
  });
});
