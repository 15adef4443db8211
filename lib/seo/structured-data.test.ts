import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Article, AuthorProfile, Publication } from "../domain";
import { authorLd, newsArticleLd, profilePageLd, sectionTrail } from "./structured-data";

const ORIGIN = "https://herald.example";

const publication = {
  name: "The Korea Herald",
  publisherCompany: "Herald Corporation",
  locale: "en",
  registration: { address: "Seoul", tel: "02" },
} as Publication;

const national = { id: 1, slug: "national", name: "National", path: "/national" };
const politics = { id: 2, slug: "politics", name: "Politics", path: "/national/politics" };

/** A public article with the given bylines; the rest is filler. */
function article(authors: Article["authors"]): Article {
  return {
    id: 7,
    slug: "seoul-rain",
    path: "/article/7/seoul-rain",
    headline: "Rain in Seoul",
    summary: "It rained.",
    standfirst: "",
    publishedAt: "2024-06-01T00:00:00.000Z",
    updatedAt: "2024-06-01T00:00:00.000Z",
    section: politics,
    topSection: national,
    image: null,
    body: [{ type: "paragraph", text: "It rained." }],
    authors,
    tags: [],
    leadImage: null,
    sourceUrl: null,
    licence: null,
    corrections: [],
  };
}

beforeEach(() => vi.stubEnv("HERALD_SITE_URL", ORIGIN));

describe("dateModified", () => {
  it("is the latest of the Updated time and the corrections", () => {
    const corrected = {
      ...article([]),
      updatedAt: "2024-06-02T00:00:00.000Z",
      corrections: [
        { text: "An earlier version misspelt a name.", publishedAt: "2024-06-03T01:00:00.000Z" },
        { text: "Older.", publishedAt: "2024-06-01T05:00:00.000Z" },
      ],
    };
    expect(newsArticleLd(corrected, publication).dateModified).toBe("2024-06-03T10:00:00+09:00");
    expect(newsArticleLd({ ...corrected, corrections: [] }, publication).dateModified).toBe(
      "2024-06-02T09:00:00+09:00",
    );
  });
});
afterEach(() => vi.unstubAllEnvs());

describe("authors in structured data", () => {
  it("give each author the url of their page: a Person for staff, an Organization otherwise", () => {
    expect(authorLd({ id: 1, slug: "kim-ji-su", name: "Kim Ji-su", kind: "staff" })).toEqual({
      "@type": "Person",
      name: "Kim Ji-su",
      url: `${ORIGIN}/author/kim-ji-su`,
    });
    expect(authorLd({ id: 2, slug: "한국-기자", name: "한국 기자", kind: "agency" })).toEqual({
      "@type": "Organization",
      name: "한국 기자",
      url: `${ORIGIN}/author/${encodeURIComponent("한국-기자")}`,
    });
  });

  it("name the publisher as the author of an article with no byline, never an empty list", () => {
    const ld = newsArticleLd(article([]), publication);
    expect(ld.author).toEqual([
      expect.objectContaining({ "@type": "NewsMediaOrganization", name: "The Korea Herald" }),
    ]);
  });

  it("describe an author's page as a ProfilePage of the author, with bio and photo", () => {
    const author: AuthorProfile = {
      id: 1,
      slug: "wikinews-contributors",
      name: "Wikinews contributors",
      kind: "collective",
      bio: "Volunteer reporters.",
      photo: null,
    };
    expect(profilePageLd(author)).toEqual({
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      url: `${ORIGIN}/author/wikinews-contributors`,
      mainEntity: {
        "@type": "Organization",
        name: "Wikinews contributors",
        url: `${ORIGIN}/author/wikinews-contributors`,
        sameAs: "https://en.wikinews.org",
        description: "Volunteer reporters.",
      },
    });
  });
});

describe("breadcrumb trails", () => {
  it("start at the home page, so a top-level front has two items", () => {
    expect(sectionTrail(national, national).map((c) => c.path)).toEqual(["/", "/national"]);
    expect(sectionTrail(national, politics).map((c) => c.path)).toEqual([
      "/",
      "/national",
      "/national/politics",
    ]);
  });
});
