import fs from "node:fs";
import { sql } from "kysely";
import { StoreUnavailableError } from "../outage";
import type { NewsStore } from "../store";
import { migrateToLatest, openDatabase, type DB } from "./connection";
import { withdrawArticle } from "./editorial";
import { asStoreFailure, guardFailures } from "./failures";
import { checkDatabase, checkFileLength, probeFile } from "./health";
import { importJsonLines } from "./import/import-articles";
import { migrations } from "./migrations";
import { recordPageView } from "./page-views";
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

/**
 * The SQLite backend of the news module: a {@link NewsStore} over the database file `file`
 * (created with its folder if missing; ":memory:" for tests). Opening only opens: the schema is
 * migrated by `migrate()` (lib/news/setup.ts calls it). `queryLog`: a file that gets one line
 * per query (tests only). `create: false` (a server) refuses a file that does not exist, rather
 * than creating an empty one, or that is shorter than its header says. A file that cannot be used (not a database, damaged, unreadable,
 * unwritable) throws StoreUnavailableError, on opening or from any method later.
 */
export function openSqliteStore(
  file: string,
  queryLog: string | null = null,
  { create = true }: { create?: boolean } = {},
): NewsStore {
  if (!create && file !== ":memory:" && !fs.existsSync(file)) {
    throw new StoreUnavailableError(
      `${file} does not exist. Run \`npm run setup\` with the same HERALD_DATABASE_PATH, then start again.`,
    );
  }
  if (!create && file !== ":memory:") checkFileLength(file);
  let db: DB;
  try {
    db = openDatabase(file, queryLog);
  } catch (error) {
    throw asStoreFailure(error, file);
  }
  return guardFailures(sqliteStore(db, file), file);
}

/**
 * A {@link NewsStore} over an open Kysely SQLite database (the tests' temporary databases);
 * `file` is its path, for the health check.
 */
export function sqliteStore(db: DB, file = ":memory:"): NewsStore {
  const probed = { size: 0 };
  return {
    checkHealth: () => checkDatabase(db, file),
    async probe() {
      if (file !== ":memory:") probeFile(file, probed);
    },
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
    search: (request, now, sections) => searchArticles(db, request, now, sections ?? null),
    suggest: (q, now) => suggestArticles(db, q, now),
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
    recordPageView: (view) => recordPageView(db, view),
    withdraw: (id, now) => withdrawArticle(db, id, now),
    importLines: (source, options) => importJsonLines(db, source, options),
    async schemaStatus() {
      const applied = await sql<{ name: string }>`select name from kysely_migration`
        .execute(db)
        .then((r) => new Set(r.rows.map((row) => row.name)))
        .catch(() => new Set<string>()); // no migration table: nothing applied yet
      return { pending: Object.keys(migrations).filter((name) => !applied.has(name)) };
    },
    migrate: () => migrateToLatest(db),
    seedDefaultContent: () => seedDefaultContent(db),
    close: () => db.destroy(),
  };
}
