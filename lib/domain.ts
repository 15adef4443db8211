/**
 * Herald's domain types: what lib/ hands to pages and components. Plain, serialisable
 * objects (they pass through Next.js's data cache and into client components).
 * Every time is an ISO 8601 string in UTC; format it for readers with lib/format/date.ts.
 */

/**
 * A stretch of a paragraph, quote or list item with its marks. `href`: http, https or mailto
 * only (lib/content/blocks.ts checks it). The runs' text joined is the block's `text`.
 */
export type Run = { text: string; bold?: true; italic?: true; href?: string };

/** A list item: its text, with optional runs as in a paragraph. */
export type ListItem = { text: string; runs?: Run[] };

/**
 * One block of an article body, Herald's own model (lib/content/blocks.ts validates it;
 * docs/content.md, "The body"). Text and marks only: bodies are never stored or rendered as
 * HTML. `text` is always present on text blocks (search, feeds and summaries read it); `runs`
 * add bold, italic and links. A photo names its `images` row; src, width and height are filled
 * in when an article is read, never stored.
 */
export type BodyBlock =
  | { type: "paragraph"; text: string; runs?: Run[] }
  | { type: "heading"; text: string }
  | { type: "quote"; text: string; runs?: Run[] }
  | { type: "list"; ordered: boolean; items: ListItem[] }
  | {
      type: "photo";
      imageId: number;
      alt: string;
      caption: string;
      credit: string;
      src?: string;
      width?: number;
      height?: number;
    };

export type SectionRef = {
  id: number;
  slug: string;
  name: string;
  /** URL path of the section front, e.g. "/national/politics". */
  path: string;
};

/** A section with its subsections, in menu order. */
export type SectionNode = SectionRef & {
  legacyCode: string | null;
  children: SectionRef[];
};

export type AuthorKind = "staff" | "agency" | "collective";

export type Author = { id: number; slug: string; name: string; kind: AuthorKind };

/** A byline's own page: the author, with the optional short bio and photo content/authors.json gives. */
export type AuthorProfile = Author & { bio: string | null; photo: Image | null };

export type Image = {
  id: number;
  /** Path under /public, e.g. "/images/photos/bison-caprock-canyons.jpg". */
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  licence: string;
  source: string;
};

/** The lead photo as printed with an article: an image file may be missing (caption only). */
export type LeadImage = {
  image: Image | null;
  caption: string;
  credit: string;
};

/** What lists, rails and fronts show of an article. */
export type ArticleSummary = {
  id: number;
  slug: string;
  /** Canonical path, "/article/{id}/{slug}". */
  path: string;
  headline: string;
  /** The standfirst, or the body's first sentence when the article has none (at most ~200 chars). */
  summary: string;
  publishedAt: string;
  updatedAt: string;
  section: SectionRef;
  /** The top-level section, equal to `section` when the article sits in a top-level section. */
  topSection: SectionRef;
  image: Image | null;
};

export type Tag = { id: number; slug: string; name: string };

/** A correction printed under an article's body, with the time it was published (ISO 8601 UTC). */
export type Correction = { text: string; publishedAt: string };

export type Article = ArticleSummary & {
  standfirst: string;
  body: BodyBlock[];
  authors: Author[];
  tags: Tag[];
  leadImage: LeadImage | null;
  sourceUrl: string | null;
  licence: string | null;
  /** Corrections published with the story, oldest first (docs/newsroom.md). */
  corrections: Correction[];
};

/** A numbered story in the MOST POPULAR rail or a timed story in LATEST NEWS. */
export type RailItem = {
  id: number;
  path: string;
  headline: string;
  publishedAt: string;
  /** Views counted in the rail's window; null in LATEST NEWS and for stories filled in by date. */
  views: number | null;
};

export type MostPopularWindow = "24h" | "7d" | "30d" | "all" | "newest";

export type Rail = { items: RailItem[]; window: MostPopularWindow | null };

export type PublicationLink = { label: string; href: string };

/** Corporate registration lines a Korean online newspaper must print (Newspaper Act, Art. 9 and 12). */
export type Registration = {
  ourSite: string;
  copyright: string;
  address: string;
  onlineNewspaperRegistrationNo: string;
  dateOfRegistration: string;
  publisherEditor: string;
  juvenileProtectionManager: string;
  tel: string;
};

export type Publication = {
  name: string;
  publisherCompany: string;
  locale: string;
  timeZone: string;
  registration: Registration;
  promoLinks: PublicationLink[];
  footerLinks: PublicationLink[];
  /** Month abbreviations of the house date style (Jan … "Sept" … Dec). */
  months: string[];
};

/**
 * A link to one page of a section front: the page of stories published before the story `before`
 * (by its id), or the front's first page when `before` is null.
 */
export type FrontPageLink = { before: number | null };

/**
 * One page of a section front, newest first, addressed by a keyset cursor (the id of the story
 * the page starts after) rather than a page number, so deep pages cost as little as the first.
 * `before` is this page's cursor (null: the first page); `newer` and `older` link to the pages
 * either side, or are null at the ends.
 */
export type SectionFrontPage = {
  section: SectionNode | SectionRef;
  parent: SectionNode | null;
  articles: ArticleSummary[];
  before: number | null;
  newer: FrontPageLink | null;
  older: FrontPageLink | null;
};

/**
 * One page of the stories of an author or a tag, newest first, paged like a section front (keyset
 * cursors, `before`, `newer`, `older`). `indexable`: the list holds at least THIN_LIST_STORIES
 * public stories, so its pages are worth a search engine's index (fewer: `noindex, follow` and
 * out of the sitemaps, never a soft 404).
 */
export type StoryListPage = {
  articles: ArticleSummary[];
  before: number | null;
  newer: FrontPageLink | null;
  older: FrontPageLink | null;
  indexable: boolean;
};

/** A page of an author's stories, with the author. */
export type AuthorPage = StoryListPage & { author: AuthorProfile };

/** A page of a tag's stories, with the tag. */
export type TagPage = StoryListPage & { tag: Tag };

/** An author's or a tag's page in a sitemap: its path and the last change of its stories. */
export type SitemapListing = { path: string; lastmod: string };

/**
 * Where an article stands for a reader at `now` (ISO 8601 UTC):
 * - "public": published (or scheduled and due), not withdrawn;
 * - "withdrawn": was public and has been taken down (its URL answers 410 Gone);
 * - "unpublished": a draft, or scheduled for later (its URL is a 404 for readers);
 * or undefined for an unknown id. With the slug, the status and the planned publication time.
 */
export type ArticleState = {
  slug: string;
  state: "public" | "withdrawn" | "unpublished";
  status: "draft" | "scheduled" | "published";
  publishedAt: string | null;
  /** Path of the story's section front ("/national/politics"): where its 410 page leads on. */
  sectionPath: string;
};

/** A story as a feed lists it: its summary and its byline names, in byline order. */
export type FeedArticle = ArticleSummary & { authors: string[] };

/** One article URL of a sitemap. `imagePath`: percent-encoded path of the lead photo, or null. */
export type SitemapArticle = {
  id: number;
  path: string;
  updatedAt: string;
  imagePath: string | null;
};

/** An article of the Google News sitemap: also its headline and publication time. */
export type NewsSitemapArticle = SitemapArticle & { headline: string; publishedAt: string };

/** A front ("/" for home, "/national", "/national/politics") and its last change, null if empty. */
export type SitemapFront = { path: string; lastmod: string | null };

/** One article sitemap file: its month and part, how many URLs it holds and their last change. */
export type ArticleSitemapFile = { month: string; part: number } & {
  count: number;
  lastmod: string;
};
