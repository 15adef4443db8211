import { sql, type Migration } from "kysely";
import type { NewsStore } from "../store";
import { dialectOf, type DB } from "./db";
import { withdrawArticle } from "./editorial";
import { importJsonLines } from "./import/import-articles";
import { recordPageView } from "./page-views";
import type { BatchIndexer } from "./search/document";
import type { SearchIndex } from "./search/search-index";
import {
  getArticleById,
  getLatest,
  getRelatedArticles,
  getTopStoriesBySection,
} from "./queries/articles";
import { getArticleState } from "./queries/article-state";
import { getAuthorPage } from "./queries/author-page";
import { loadFeedInput, loadListFeedInput } from "./queries/feed-input";
import { indexableListings } from "./queries/story-lists";
import { getTagPage } from "./queries/tag-page";
import { authorPath, tagPath } from "../../urls";
import { getPhotoCredits } from "./queries/images";
import { findPathByLegacyArticleId, findPathByLegacySectionCode } from "./queries/legacy";
import { getLatestRail, getMostPopular } from "./queries/most-popular";
import { getPublication } from "./queries/publication";
import { searchArticles, suggestArticles } from "./queries/search";
import { getSectionFront } from "./queries/section-front";
import { findSection, getSectionTree } from "./queries/sections";
import {
  SITEMAP_MAX_URLS,
  getArticleSitemapFiles,
  getArticleSitemapPart,
  getNewsSitemapArticles,
  getSitemapFronts,
} from "./queries/sitemaps";
import { seedDefaultContent } from "./seed";
import { newsroomStoreOver } from "./newsroom/store";

/** What a backend adds to the shared queries of lib/news/sql/ to make a {@link NewsStore}. */
export type BackendParts = {
  /** Its full-text index (reads). */
  search: SearchIndex;
  /** How it indexes an import batch for search (writes). */
  indexBatch: BatchIndexer;
  /** Its lock on (story, reader) inside a page view's transaction, if it needs one. */
  lockReader?: (trx: DB, articleId: number, readerHash: string) => Promise<void>;
  /** Every migration by name: the same names on every backend (one list, one schema version). */
  migrations: Record<string, Migration>;
  /** Applies pending migrations, safely from several processes at once; returns their names. */
  migrate: () => Promise<string[]>;
  checkHealth: NewsStore["checkHealth"];
  probe: NewsStore["probe"];
};

/**
 * A {@link NewsStore} over an open Kysely instance of either backend plus that backend's own
 * parts (lib/news/sqlite/store.ts, lib/news/postgres/store.ts). Every query here is written once,
 * in SQL both dialects run alike; `close()` destroys `db`.
 */
export function storeOver(db: DB, parts: BackendParts): NewsStore {
  const { search, indexBatch, migrations } = parts;
  const newsroom = newsroomStoreOver(db, { indexBatch });
  return {
    newsroom: () => newsroom,
    authDatabase: () => ({ db, type: dialectOf(db) }),
    checkHealth: () => parts.checkHealth(),
    probe: () => parts.probe(),
    publication: () => getPublication(db),
    sectionTree: () => getSectionTree(db),
    async sectionFront(segments, before, now) {
      const target = findSection(await getSectionTree(db), segments);
      return target ? getSectionFront(db, target, before, now) : null;
    },
    authorPage: (slug, before, now) => getAuthorPage(db, slug, before, now),
    tagPage: (slug, before, now) => getTagPage(db, slug, before, now),
    listingSitemap: (kind, now) =>
      kind === "author"
        ? indexableListings(db, "article_authors", now, authorPath)
        : indexableListings(db, "article_tags", now, tagPath),
    listFeedInput: (kind, slug, now) => loadListFeedInput(db, kind, slug, now),
    async article(id, now, options) {
      return (await getArticleById(db, id, now, options)) ?? null;
    },
    async articleState(id, now) {
      return (await getArticleState(db, id, now)) ?? null;
    },
    async related(id, limit, now) {
      const article = await getArticleById(db, id, now);
      return article ? getRelatedArticles(db, article, limit, now) : [];
    },
    latest: (limit, now) => getLatest(db, limit, now),
    async topStoriesBySection(perSection, now) {
      return getTopStoriesBySection(db, await getSectionTree(db), perSection, now);
    },
    mostPopularRail: (limit, now) => getMostPopular(db, limit, now),
    latestRail: (limit, now) => getLatestRail(db, limit, now),
    photoCredits: () => getPhotoCredits(db),
    async legacyArticlePath(ud, now) {
      return (await findPathByLegacyArticleId(db, ud, now)) ?? null;
    },
    async legacySectionPath(code) {
      return (await findPathByLegacySectionCode(db, code)) ?? null;
    },
    sitemapFronts: (now) => getSitemapFronts(db, now),
    articleSitemapFiles: (now) => getArticleSitemapFiles(db, now, SITEMAP_MAX_URLS),
    articleSitemapPart: (file, now) => getArticleSitemapPart(db, file, now, SITEMAP_MAX_URLS),
    newsSitemapArticles: (now) => getNewsSitemapArticles(db, now),
    feedInput: (segments, now) => loadFeedInput(db, segments, now),
    search: (request, now, sections) => searchArticles(db, search, request, now, sections ?? null),
    suggest: (q, now) => suggestArticles(db, search, q, now),
    async queuedStories(now) {
      const rows = await db
        .selectFrom("articles")
        .select(["id", "status", "headline", "published_at"])
        .where((eb) => eb.or([eb("status", "=", "draft"), eb("published_at", ">", now)]))
        .where("withdrawn_at", "is", null)
        .orderBy("published_at")
        .execute();
      return rows.map(({ published_at, ...row }) => ({ ...row, publishedAt: published_at }));
    },
    recordPageView: (view) => recordPageView(db, view, parts.lockReader),
    withdraw: (id, now) => withdrawArticle(db, id, now),
    importLines: (source, options) => importJsonLines(db, indexBatch, source, options),
    async schemaStatus() {
      const applied = new Set((await appliedMigrations(db)).map((row) => row.name));
      return { pending: Object.keys(migrations).filter((name) => !applied.has(name)) };
    },
    migrate: () => parts.migrate(),
    seedDefaultContent: () => seedDefaultContent(db, indexBatch),
    close: () => db.destroy(),
  };
}

/** The migrations applied to `db` (none when it has no migration table yet). */
export async function appliedMigrations(db: DB): Promise<Array<{ name: string }>> {
  if (dialectOf(db) === "postgres") {
    // Ask first: a failed query would hide a connection failure behind "nothing applied".
    const { rows } = await sql<{
      table: string | null;
    }>`select to_regclass('kysely_migration')::text as table`.execute(db);
    if (!rows[0]?.table) return [];
    return (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows;
  }
  return sql<{ name: string }>`select name from kysely_migration`
    .execute(db)
    .then((r) => r.rows)
    .catch(() => []); // no migration table: nothing applied yet
}
