import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ArticleSummary, Publication, SectionFrontPage } from "../domain";
import { frontMetadata, standingMetadata } from "./page-metadata";

const publication = { name: "The Korea Herald" } as Publication;
const world = {
  id: 1,
  slug: "world",
  name: "World",
  path: "/world",
  legacyCode: null,
  children: [],
};

const story = (id: number, publishedAt: string) => ({ id, publishedAt }) as ArticleSummary;

function front(before: number | null, articles: ArticleSummary[]): SectionFrontPage {
  return { section: world, parent: null, articles, before, newer: null, older: null };
}

beforeEach(() => vi.stubEnv("HERALD_SITE_URL", "https://herald.example"));
afterEach(() => vi.unstubAllEnvs());

describe("front metadata", () => {
  it("gives each older page a title and description of its own", () => {
    const first = frontMetadata(front(null, [story(9, "2024-06-01T00:00:00Z")]), publication);
    const older = frontMetadata(front(30, [story(29, "2021-09-16T12:17:00Z")]), publication);
    const oldest = frontMetadata(front(10, [story(9, "2020-01-01T00:00:00Z")]), publication);
    expect(first.title).toBe("World");
    expect(older.title).toBe("World: stories from Sept 16, 2021 - 21:17 and earlier");
    expect(new Set([first.title, older.title, oldest.title]).size).toBe(3);
    expect(new Set([first.description, older.description, oldest.description]).size).toBe(3);
    expect(older.alternates?.canonical).toBe("https://herald.example/world/before/30");
  });

  it("keeps an empty front out of the index, its links followed, and indexes a front with a story", () => {
    expect(frontMetadata(front(null, []), publication).robots).toEqual({
      index: false,
      follow: true,
    });
    expect(
      frontMetadata(front(null, [story(1, "2024-01-01T00:00:00Z")]), publication).robots,
    ).toBeUndefined();
  });

  it("gives fronts the share card of the front, with its size", () => {
    const { twitter, openGraph } = frontMetadata(front(null, []), publication);
    expect(twitter).toMatchObject({ card: "summary_large_image" });
    const [image] = (openGraph?.images ?? []) as Array<{ url: string; width: number }>;
    expect(image).toMatchObject({ width: 1200, height: 630 });
    expect(image?.url).toMatch(/^https:\/\/herald\.example\/og\/front/);
    expect((twitter as { images?: unknown[] }).images).toHaveLength(1);
  });
});

describe("standing page metadata", () => {
  it("has a description, OpenGraph and a Twitter card", () => {
    const meta = standingMetadata(
      { title: "Privacy", paragraphs: ["We collect little. More below."] },
      "/privacy",
      publication,
    );
    expect(meta.description).toBe("We collect little. More below.");
    expect(meta.openGraph).toMatchObject({
      title: "Privacy",
      url: "https://herald.example/privacy",
    });
    expect(meta.twitter).toMatchObject({ title: "Privacy", card: "summary_large_image" });
  });
});
