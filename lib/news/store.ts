import type {
  Article,
  AuthorPage,
  SitemapListing,
  TagPage,
  ArticleSitemapFile,
  ArticleState,
  ArticleSummary,
  Image,
  NewsSitemapArticle,
  Publication,
  Rail,
  SectionFrontPage,
  SectionNode,
  SitemapArticle,
  SitemapFront,
} from "../domain";
import type { ChunkParser, LineSource } from "../import/parse-pipeline";
import type { ImportReport } from "../import/report";
import type { SearchRequest, SearchResults, Suggestion } from "../search/types";
import type { ArticleSitemapPart } from "../seo/sitemap-paths";
import type { RssFeedInput } from "../seo/feeds";
import type { NewsroomStore } from "./newsroom-store";

/** A reader's repeat views of one story within this span count once (docs/content.md, "Page views and MOST POPULAR"). */
export const REPEAT_VIEW_WINDOW_MS = 30 * 60_000;

/** One page view to count: the story, the reader's id (its signed random cookie), and when (ISO 8601 UTC). */
export type PageView = { articleId: number; readerId: string; now: string };

/**
 * Whether a page view was counted, and why not: a repeat within REPEAT_VIEW_WINDOW_MS, a story
 * that is not public, or ("unavailable", from lib/news/writes.ts only) a database that failed
 * the write, which drops the view.
 */
export type ViewOutcome =
  { counted: true } | { counted: false; reason: "repeat" | "not-found" | "unavailable" };

/** A story readers cannot see yet, for the editors' list (`npm run preview-link`). */
export type QueuedStory = {
  id: number;
  status: ArticleState["status"];
  headline: string;
  publishedAt: string | null;
};

/**
 * The storage seam: everything Herald reads from and writes to its database, in the app's own
 * types. Made by storeOver (lib/news/sql/store.ts) over either backend (lib/news/sqlite/,
 * lib/news/postgres/); the rest of the news module (cached reads, writes that refresh caches,
 * preview) is written against this type only, and lib/news/connect.ts picks the backend.
 *
 * Every `now` is an ISO 8601 UTC instant, passed in so that "published" means the same thing
 * in a page, a feed and a test with its own clock. Reads return null/[] for what does not
 * exist; methods throw only on storage errors.
 */
export interface NewsStore {
  /** The publication: name, locale, registration details, links. */
  publication(): Promise<Publication>;
  /** The section tree in menu order. */
  sectionTree(): Promise<SectionNode[]>;
  /** One page of the front at `segments` after story `before` (null: the first); null if unknown. */
  sectionFront(
    segments: readonly string[],
    before: number | null,
    now: string,
  ): Promise<SectionFrontPage | null>;
  /** One page of an author's public stories after story `before` (null: the first); null if unknown or none. */
  authorPage(slug: string, before: number | null, now: string): Promise<AuthorPage | null>;
  /** One page of a tag's public stories after story `before` (null: the first); null if unknown or none. */
  tagPage(slug: string, before: number | null, now: string): Promise<TagPage | null>;
  /** The author or tag pages worth indexing (lib/seo/thin-pages.ts), with their last change. */
  listingSitemap(kind: "author" | "tag", now: string): Promise<SitemapListing[]>;
  /** What the RSS feed of an author's or a tag's page needs; null when it has no page. */
  listFeedInput(kind: "author" | "tag", slug: string, now: string): Promise<RssFeedInput | null>;
  /** A public story by id, or (with `unpublished`) one in any state; null if none. */
  article(id: number, now: string, options?: { unpublished?: boolean }): Promise<Article | null>;
  /** Where a story stands for readers (public, withdrawn, unpublished), or null for an unknown id. */
  articleState(id: number, now: string): Promise<ArticleState | null>;
  /** Up to `limit` public stories related to story `id` (same section, shared tags). */
  related(id: number, limit: number, now: string): Promise<ArticleSummary[]>;
  /** The `limit` newest public stories. */
  latest(limit: number, now: string): Promise<ArticleSummary[]>;
  /** Each top-level section with its `perSection` newest stories (the home page). */
  topStoriesBySection(
    perSection: number,
    now: string,
  ): Promise<Array<{ section: SectionNode; articles: ArticleSummary[] }>>;
  /** The MOST POPULAR rail. */
  mostPopularRail(limit: number, now: string): Promise<Rail>;
  /** The LATEST NEWS rail. */
  latestRail(limit: number, now: string): Promise<Rail>;
  /** Every photograph with its credit and licence (the copyright page). */
  photoCredits(): Promise<Image[]>;
  /** The canonical path for an earlier site's article id, or null. */
  legacyArticlePath(ud: string, now: string): Promise<string | null>;
  /** The section front path for an earlier site's section code, or null. */
  legacySectionPath(code: string): Promise<string | null>;
  /** Home and every front with its last change (the sections sitemap). */
  sitemapFronts(now: string): Promise<SitemapFront[]>;
  /** Every monthly article sitemap file, newest first. */
  articleSitemapFiles(now: string): Promise<ArticleSitemapFile[]>;
  /** The stories of one article sitemap file, or null when there is no such file. */
  articleSitemapPart(file: ArticleSitemapPart, now: string): Promise<SitemapArticle[] | null>;
  /** The Google News sitemap's stories (last two days). */
  newsSitemapArticles(now: string): Promise<NewsSitemapArticle[]>;
  /** What the RSS feed of the site (`segments` []) or of a front needs; null for an unknown front. */
  feedInput(segments: readonly string[], now: string): Promise<RssFeedInput | null>;
  /** Full-text search of public stories (docs/search.md); `sections`: the tree, if already read. */
  search(request: SearchRequest, now: string, sections?: SectionNode[]): Promise<SearchResults>;
  /** Headline suggestions for what a reader is typing. */
  suggest(q: string, now: string): Promise<Suggestion[]>;
  /** Drafts and stories scheduled for later, soonest first. */
  queuedStories(now: string): Promise<QueuedStory[]>;

  /** Counts a reader's view of a public story, once per reader and story per 30 minutes. */
  recordPageView(view: PageView): Promise<ViewOutcome>;
  /** Withdraws a public story; false for an unknown, unpublished or already withdrawn one. */
  withdraw(id: number, now: string): Promise<boolean>;
  /** Imports JSON Lines records (docs/content.md, "Import format"); bad lines are reported, never fatal. */
  importLines(
    source: LineSource,
    options?: {
      parse?: ChunkParser;
      /** Called after each batch: ms writing its rows, and ms indexing it for search and committing. */
      onBatch?: (timing: { writeMs: number; searchIndexMs: number }) => void;
    },
  ): Promise<ImportReport>;

  /**
   * The start-up check of a serving process: throws StoreUnavailableError (lib/news/outage.ts)
   * naming the reason when the storage is damaged or cannot be written. Resolves with a note
   * for the log (what was not checked, and how to), or null.
   */
  checkHealth(): Promise<string | null>;
  /**
   * A check cheap enough to run every second, without a query (SQLite: the file's header):
   * throws StoreUnavailableError when the storage is visibly broken under a running server.
   */
  probe(): Promise<void>;
  /** Schema versions applied and expected; `pending` lists migrations not yet applied. */
  schemaStatus(): Promise<{ pending: string[] }>;
  /** Applies pending migrations; returns their names. Safe to run from several processes. */
  migrate(): Promise<string[]>;
  /** Loads the default content into an empty database; null when it already holds content. */
  seedDefaultContent(): Promise<ImportReport | null>;
  /** The newsroom's storage (workflow, revisions, preview links, media, audit log) on this database. */
  newsroom(): NewsroomStore;
  /**
   * This database for better-auth's Kysely adapter (lib/newsroom/auth/): the Kysely instance,
   * typed loosely on purpose (its tables are better-auth's, migration 0009-accounts), and its dialect.
   */
  authDatabase(): { db: unknown; type: "sqlite" | "postgres" };
  /** Closes the connection. */
  close(): Promise<void>;
}
