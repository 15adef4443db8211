import { describe, expect, it } from "vitest";
import type { ArticleState } from "../domain";
import { resolveRequest, type Lookups, type Outcome, type RequestFacts } from "./canonical";

const story = (state: ArticleState["state"], slug = "seoul-rain"): ArticleState => ({
  slug,
  state,
  status: state === "unpublished" ? "scheduled" : "published",
  publishedAt: "2026-12-01T00:00:00.000Z",
  sectionPath: "/national/politics",
});

const STORIES: Record<number, ArticleState> = {
  3: story("public"),
  4: story("withdrawn"),
  5: story("unpublished"),
  12: story("public"),
  80: { ...story("public"), sectionPath: "/national" },
  81: { ...story("public"), sectionPath: "/world/world-news" },
};
const FRONTS = new Set(["/national", "/national/politics", "/world", "/world/world-news"]);
const LEGACY: Record<string, string> = {
  "article:20210916000873": "/article/3/seoul-rain",
  "section:020100000000": "/national",
};

/** Pages of authors and tags: kind, slug and cursor ("" for the first page). */
const LISTS = new Set(["author:yonhap:", "author:yonhap:81", "tag:한국-태그:"]);

const lookups: Lookups = {
  storyState: async (id) => STORIES[id] ?? null,
  isFront: async (path) => FRONTS.has(path),
  legacyPath: async (kind, code) => LEGACY[`${kind}:${code}`] ?? null,
  storyList: async (kind, slug, before) => LISTS.has(`${kind}:${slug}:${before ?? ""}`),
};
const READER: RequestFacts = { folded: false, preview: false };

/** The outcome for `path` on this site, with a redirect's target as a path and query. */
async function resolve(path: string, facts = READER) {
  const outcome: Outcome = await resolveRequest(
    new URL(path, "https://herald.test"),
    lookups,
    facts,
  );
  if (outcome.kind !== "redirect") return outcome;
  expect(outcome.to.origin).toBe("https://herald.test");
  return { kind: "redirect", to: outcome.to.pathname + outcome.to.search };
}

describe("one redirect to the canonical URL, every spelling folded together", () => {
  it.each([
    ["/article/3", "/article/3/seoul-rain"],
    ["/article/3/", "/article/3/seoul-rain"],
    ["/article/3/wrong-slug/?utm_source=x", "/article/3/seoul-rain?utm_source=x"],
    ["/article/%33/seoul-rain", "/article/3/seoul-rain"],
    ["/Article/3/seoul-rain", "/article/3/seoul-rain"],
    ["/National/?before=80", "/national/before/80"],
    ["/National/Politics/", "/national/politics"],
    ["/NATIONAL/Politics/?before=100&utm=1", "/national/politics/before/100?utm=1"],
    ["/national/?before=", "/national"],
    ["/world?before=3&before=2", "/world/before/3"],
    ["/world?before=abc", "/world/before/abc"],
    ["/World/World-News/", "/world/world-news"],
    ["/World/Before/81", "/world/before/81"],
    ["/National/Politics/Before/4/", "/national/politics/before/4"],
    ["/view.php/?ud=20210916000873", "/article/3/seoul-rain"],
    ["/view.php?ud=20210916000873&utm_source=x", "/article/3/seoul-rain?utm_source=x"],
    ["/list.php/?ct=020100000000", "/national"],
    ["/search/?q=korea", "/search?q=korea"],
    ["/rss.xml/", "/rss.xml"],
    ["/images/logo.png/", "/images/logo.png"],
    ["/api/rails/latest/", "/api/rails/latest"],
    ["/anything//at/all//", "/anything/at/all"],
  ])("%s → %s", async (from, to) => {
    expect(await resolve(from)).toEqual({ kind: "redirect", to });
  });

  it("redirects a path server.mjs folded even when the folded one is canonical", async () => {
    expect(await resolve("/world/world-news", { folded: true, preview: false })).toEqual({
      kind: "redirect",
      to: "/world/world-news",
    });
    expect(await resolve("/", { folded: true, preview: false })).toEqual({
      kind: "redirect",
      to: "/",
    });
  });
});

describe("canonical URLs and other routes pass", () => {
  it.each([
    "/",
    "/article/3/seoul-rain",
    "/national",
    "/national/politics/before/12",
    "/search?q=korea&page=2",
    "/copyright",
    "/nope",
    "/nope/nope",
    "/rss/national.xml",
    "/rss/before/1",
    "/images/logo.png",
    "/media/12/photo-12.jpg",
    "/media/99999/anything.webp",
    "/media/12",
    "/national/Foo_Bar",
    "/_next/data/build/x.json/",
  ])("%s", async (path) => {
    expect(await resolve(path)).toEqual({ kind: "pass" });
  });

  it("lets an editor's preview session reach a story not yet public (the page checks it)", async () => {
    expect(await resolve("/article/5/seoul-rain", { folded: false, preview: true })).toEqual({
      kind: "pass",
    });
  });
});

describe("the misses the proxy can see answer an error page", () => {
  const notFound = (section: string | null = null) => ({ kind: "error", status: 404, section });
  it.each([
    ["/article/99999/x", notFound()],
    ["/article/abc/x", notFound()],
    ["/article/0", notFound()],
    ["/article/5/seoul-rain", notFound()],
    ["/view.php?ud=20000101000001", notFound()],
    ["/view.php?ud=abc", notFound()],
    ["/view.php", notFound()],
    ["/view.php?ud=20210916000873&ud=20210916000873", notFound()],
    ["/list.php?ct=999999999999", notFound()],
    ["/search?page=abc", notFound()],
    ["/search?q=korea&page=0", notFound()],
    ["/errors/410/national", notFound()],
    ["/errors", notFound()],
    ["/national/nonexistent-sub", notFound("/national")],
    ["/National/Nonexistent-Sub/", notFound("/national")],
    ["/national/before", notFound("/national")],
    ["/national/before/abc", notFound("/national")],
    ["/national/politics/before/1.5", notFound("/national/politics")],
    ["/national/politics/before/80", notFound("/national/politics")],
    ["/world/before/3", notFound("/world")],
    ["/national/before/5", notFound("/national")],
    ["/national/before/99999", notFound("/national")],
    ["/national/nope/before/5", notFound("/national")],
    ["/national/politics/extra", notFound("/national")],
  ] as const)("%s", async (path, outcome) => {
    expect(await resolve(path)).toEqual(outcome);
  });

  it("a withdrawn story is 410 Gone, leading on to its section, in any spelling", async () => {
    const gone = { kind: "error", status: 410, section: "/national/politics" };
    expect(await resolve("/article/4/seoul-rain")).toEqual(gone);
    expect(await resolve("/article/%34/")).toEqual(gone);
  });
});

describe("author and tag pages", () => {
  const korean = encodeURIComponent("한국-태그");

  it.each([
    ["/Author/Yonhap/", "/author/yonhap"],
    ["/author/yonhap/Before/81?utm=1", "/author/yonhap/before/81?utm=1"],
    // The slug in NFD (a decomposed Hangul syllable) is the same tag in NFC.
    [`/tag/${encodeURIComponent("한국-태그".normalize("NFD"))}`, `/tag/${korean}`],
  ])("%s redirects once to %s", async (from, to) => {
    expect(await resolve(from)).toEqual({ kind: "redirect", to });
  });

  it("pass when canonical", async () => {
    for (const path of ["/author/yonhap", "/author/yonhap/before/81", `/tag/${korean}`])
      expect(await resolve(path), path).toEqual({ kind: "pass" });
  });

  it.each([
    "/author/nobody",
    "/author/yonhap/before/82",
    "/author/yonhap/before/abc",
    "/author/yonhap/extra",
    "/tag/%21%21%21",
    "/tag/secret-draft-tag",
  ])("%s answers the complete 404 page", async (path) => {
    expect(await resolve(path)).toEqual({ kind: "error", status: 404, section: null });
  });
});
