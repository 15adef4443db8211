import { unstable_cache } from "next/cache";
import { getDb } from "./db/connection";
import {
  getArticleById,
  getLatest,
  getRelatedArticles,
  getTopStoriesBySection,
} from "./queries/articles";
import { getSectionFront } from "./queries/section-front";
import { getLatestRail, getMostPopular } from "./queries/most-popular";
import { getPublication } from "./queries/publication";
import { findSection, getSectionTree } from "./queries/sections";

/**
 * The reads pages use, through Next.js's data cache: a reader's request costs no database query
 * while an entry is fresh. Every entry is tagged (`articles`, `sections`, `publication`,
 * `page-views`) so a writer can refresh exactly what changed with revalidateTag, and expires after
 * {@link FRESH_SECONDS} so new and newly due (scheduled) stories, and the most-read ranking, show
 * within a minute. Results are plain JSON (the cache serialises them).
 * "Now" is read inside each entry, when it is filled: that is the moment the entry describes.
 */
export const FRESH_SECONDS = 30;

const nowIso = () => new Date().toISOString();
const options = (...tags: string[]) => ({ tags, revalidate: FRESH_SECONDS });

export const cachedPublication = unstable_cache(
  async () => getPublication(await getDb()),
  ["publication"],
  options("publication"),
);

export const cachedSectionTree = unstable_cache(
  async () => getSectionTree(await getDb()),
  ["section-tree"],
  options("sections"),
);

/**
 * The page of the front at `segments` (["national"] or ["national", "politics"]) that starts
 * after the story `before` (null: the first page); null for an unknown section or cursor.
 */
export const cachedSectionFront = unstable_cache(
  async (segments: string[], before: number | null) => {
    const db = await getDb();
    const target = findSection(await getSectionTree(db), segments);
    return target ? getSectionFront(db, target, before, nowIso()) : null;
  },
  ["section-front"],
  options("sections", "articles"),
);

export const cachedArticle = unstable_cache(
  async (id: number) => (await getArticleById(await getDb(), id, nowIso())) ?? null,
  ["article"],
  options("articles"),
);

export const cachedRelated = unstable_cache(
  async (id: number, limit: number) => {
    const db = await getDb();
    const now = nowIso();
    const article = await getArticleById(db, id, now);
    return article ? getRelatedArticles(db, article, limit, now) : [];
  },
  ["related"],
  options("articles"),
);

export const cachedLatest = unstable_cache(
  async (limit: number) => getLatest(await getDb(), limit, nowIso()),
  ["latest"],
  options("articles"),
);

export const cachedTopStories = unstable_cache(
  async (perSection: number) => {
    const db = await getDb();
    return getTopStoriesBySection(db, await getSectionTree(db), perSection, nowIso());
  },
  ["top-stories"],
  options("articles", "sections"),
);

export const cachedMostPopularRail = unstable_cache(
  async (limit: number) => getMostPopular(await getDb(), limit, nowIso()),
  ["rail-most-popular"],
  options("articles", "page-views"),
);

export const cachedLatestRail = unstable_cache(
  async (limit: number) => getLatestRail(await getDb(), limit, nowIso()),
  ["rail-latest"],
  options("articles"),
);

export const cachedPhotoCredits = unstable_cache(
  async () => (await import("./queries/images")).getPhotoCredits(await getDb()),
  ["photo-credits"],
  options("images"),
);

/** The canonical path for an earlier site's article id, or null (see lib/queries/legacy.ts). */
export const cachedLegacyArticlePath = unstable_cache(
  async (ud: string) =>
    (await (
      await import("./queries/legacy")
    ).findPathByLegacyArticleId(await getDb(), ud, nowIso())) ?? null,
  ["legacy-article"],
  options("articles"),
);

/** The section front path for an earlier site's section code, or null. */
export const cachedLegacySectionPath = unstable_cache(
  async (code: string) =>
    (await (await import("./queries/legacy")).findPathByLegacySectionCode(await getDb(), code)) ??
    null,
  ["legacy-section"],
  options("sections"),
);
