import { describe, expect, it } from "vitest";
import { foldSlashes, foldToken, hasDotSegment, hasMalformedEscape } from "./raw-url.mjs";

describe("a request target as the client sent it (server.mjs)", () => {
  it.each([
    "/.",
    "/..",
    "/%2e%2e",
    "/world/%2e%2e",
    "/world/%2E%2e/national",
    "/world/.%2E",
    "/world/%2e",
    "/world/..\\national",
    "/a/./b?x=1",
  ])("%s has a dot segment", (target) => {
    expect(hasDotSegment(target)).toBe(true);
  });

  it.each(["/", "/world/world-news", "/rss.xml", "/a/...", "/a/.b", "/x?next=/../y", "/%2e%2e%2e"])(
    "%s has none",
    (target) => {
      expect(hasDotSegment(target)).toBe(false);
    },
  );

  it("has a malformed escape when its path does not decode, whatever its query holds", () => {
    expect(hasMalformedEscape("/national/%ZZ")).toBe(true);
    expect(hasMalformedEscape("/article/1/%E0%A4%A")).toBe(true);
    expect(hasMalformedEscape("/article/%33/x?q=%ZZ")).toBe(false);
    expect(hasMalformedEscape("/tag/%ED%95%9C")).toBe(false);
  });

  it("folds runs of slashes and backslashes in the path only, as Next.js would redirect them", () => {
    expect(foldSlashes("//x/")).toBe("/x/");
    expect(foldSlashes("/world/world-news//")).toBe("/world/world-news/");
    expect(foldSlashes("/\\evil.example")).toBe("/evil.example");
    expect(foldSlashes("//a//b?next=//c")).toBe("/a/b?next=//c");
    expect(foldSlashes("/a/b?next=//c")).toBeNull();
  });

  it("has one fold token per process, which a client cannot guess", () => {
    expect(foldToken()).toBe(foldToken());
    expect(foldToken()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
