import type { DB } from "../db";
import { KST_OFFSET_MINUTES, toKstIso } from "../../../format/date";
import type {
  ArticleSitemapFile,
  NewsSitemapArticle,
  SitemapArticle,
  SitemapFront,
} from "../../../domain";
import type { ArticleSitemapPart } from "../../../seo/sitemap-paths";
import { isPublic } from "./article-rows";
import { articlePath, imageSrc, MEDIA_FILE_PATTERN } from "../../../urls";
import { getSectionTree } from "./sections";

/**
 * What the sitemaps list (lib/seo/sitemap-xml.ts turns it into XML).
 *
 * - Only public articles, through {@link isPublic}: drafts and stories whose time has not come
 *   never appear. `now` is an ISO 8601 UTC instant, injected so tests can move the clock.
 * - Every time returned is an ISO 8601 UTC string as stored ("2020-03-01T00:00:00.000Z").
 * - Months are calendar months in Korea Standard Time (UTC+09:00 all year), the publication's
 *   calendar: a story published at 2020-03-31T20:00Z (April 1, 05:00 KST) is in "2020-04".
 * - Paths are site paths ("/article/12/some-slug"); the caller makes them absolute.
 * - Errors: a `now` that is not a date, or a `maxUrls` outside 1-50,000, throws a RangeError;
 *   database errors are passed on.
 */

/** The sitemap protocol's limit of URLs in one file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News sitemaps list the stories published in the last two days... */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** ...and at most 1,000 of them. */
export const NEWS_MAX_URLS = 1_000;

const KST_OFFSET_MS = KST_OFFSET_MINUTES * 60_000;

function checkNow(now: string): void {
  if (Number.isNaN(Date.parse(now))) throw new RangeError(`not a date: ${JSON.stringify(now)}`);
}

function checkMaxUrls(maxUrls: number): void {
  if (!Number.isInteger(maxUrls) || maxUrls < 1 || maxUrls > SITEMAP_MAX_URLS)
    throw new RangeError(`maxUrls must be a whole number from 1 to ${SITEMAP_MAX_URLS}`);
}

/** The later of two ISO 8601 UTC strings (null counts as "never"). */
const later = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

/** The KST month ("2020-04") of an ISO 8601 instant. */
export function kstMonthOf(iso: string): string {
  return toKstIso(iso).slice(0, 7);
}

/** The UTC instants where a KST month ("2020-03") starts and the next one starts. */
export function kstMonthRange(month: string): { start: string; end: string } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const at = (y: number, m: number) => new Date(Date.UTC(y, m, 1) - KST_OFFSET_MS).toISOString();
  return { start: at(year, mon - 1), end: at(year, mon) };
}

/** The percent-encoded path of a photo: an upload's /media/… URL, else its file under /public. */
const photoPath = (file: string | null) =>
  file === null
    ? null
    : MEDIA_FILE_PATTERN.test(file)
      ? imageSrc(file)
      : `/images/photos/${encodeURIComponent(file)}`;

/**
 * The home page and every section and subsection front (menu order), each with the latest
 * `updated_at` of the public articles it shows (a top-level front shows its subsections' stories
 * too; home shows them all), or null for a front with no public article.
 */
export async function getSitemapFronts(db: DB, now: string): Promise<SitemapFront[]> {
  checkNow(now);
  const tree = await getSectionTree(db);
  const rows = await db
    .selectFrom("articles as a")
    .select((eb) => ["a.section_id", eb.fn.max("a.updated_at").as("lastmod")])
    .where(isPublic(now))
    .groupBy("a.section_id")
    .execute();
  const bySection = new Map(rows.map((r) => [r.section_id, r.lastmod as string | null]));
  const lastmodOf = (ids: number[]) =>
    ids.reduce<string | null>((acc, id) => later(acc, bySection.get(id) ?? null), null);
  const home = rows.reduce<string | null>((acc, r) => later(acc, r.lastmod as string | null), null);
  return [
    { path: "/", lastmod: home },
    ...tree.flatMap((top) => [
      { path: top.path, lastmod: lastmodOf([top.id, ...top.children.map((c) => c.id)]) },
      ...top.children.map((child) => ({ path: child.path, lastmod: lastmodOf([child.id]) })),
    ]),
  ];
}

/**
 * The article sitemap files: for every KST month with public articles, newest month first, as
 * many parts of at most `maxUrls` URLs as it needs (part 1 first). Articles are ordered within a
 * month by publication time, then id, so earlier parts stay stable as stories are added. Months
 * without public articles have no file. Two queries per month with articles (plus one per month
 * that needs more than one part).
 */
export async function getArticleSitemapFiles(
  db: DB,
  now: string,
  maxUrls: number = SITEMAP_MAX_URLS,
): Promise<ArticleSitemapFile[]> {
  checkNow(now);
  checkMaxUrls(maxUrls);
  const months: ArticleSitemapFile[][] = [];
  let from: string | null = null;
  for (;;) {
    // Jump straight to the next month that has a public article.
    let next = db.selectFrom("articles as a").select("a.published_at").where(isPublic(now));
    if (from !== null) next = next.where("a.published_at", ">=", from);
    const first = await next.orderBy("a.published_at").limit(1).executeTakeFirst();
    if (!first?.published_at) break;
    const month = kstMonthOf(first.published_at);
    const { start, end } = kstMonthRange(month);
    const stats = await db
      .selectFrom("articles as a")
      .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("a.updated_at").as("last")])
      .where(isPublic(now))
      .where("a.published_at", ">=", start)
      .where("a.published_at", "<", end)
      .executeTakeFirstOrThrow();
    const count = Number(stats.count);
    const files: ArticleSitemapFile[] = [];
    if (count === 0) {
      // Unpublished between the two queries: no file for this month.
    } else if (count <= maxUrls) {
      files.push({ month, part: 1, count, lastmod: stats.last as string });
    } else {
      const updated = await db
        .selectFrom("articles as a")
        .select("a.updated_at")
        .where(isPublic(now))
        .where("a.published_at", ">=", start)
        .where("a.published_at", "<", end)
        .orderBy("a.published_at")
        .orderBy("a.id")
        .execute();
      for (let offset = 0, part = 1; offset < updated.length; offset += maxUrls, part += 1) {
        const chunk = updated.slice(offset, offset + maxUrls);
        const lastmod = chunk.reduce<string | null>((acc, r) => later(acc, r.updated_at), null);
        files.push({ month, part, count: chunk.length, lastmod: lastmod ?? start });
      }
    }
    months.push(files);
    from = end;
  }
  return months.reverse().flat();
}

/**
 * The articles of one article sitemap file (see {@link getArticleSitemapFiles} for the order and
 * the split), or null when that file does not exist: a month without public articles, or a part
 * past the month's last.
 */
export async function getArticleSitemapPart(
  db: DB,
  file: ArticleSitemapPart,
  now: string,
  maxUrls: number = SITEMAP_MAX_URLS,
): Promise<SitemapArticle[] | null> {
  checkNow(now);
  checkMaxUrls(maxUrls);
  if (!Number.isInteger(file.part) || file.part < 1) return null;
  const { start, end } = kstMonthRange(file.month);
  const rows = await db
    .selectFrom("articles as a")
    .leftJoin("images as i", "i.id", "a.lead_image_id")
    .select(["a.id", "a.slug", "a.updated_at", "i.file as image_file"])
    .where(isPublic(now))
    .where("a.published_at", ">=", start)
    .where("a.published_at", "<", end)
    .orderBy("a.published_at")
    .orderBy("a.id")
    .limit(maxUrls)
    .offset((file.part - 1) * maxUrls)
    .execute();
  if (rows.length === 0) return null;
  return rows.map((r) => ({
    id: r.id,
    path: articlePath(r.id, r.slug),
    updatedAt: r.updated_at,
    imagePath: photoPath(r.image_file),
  }));
}

/**
 * The Google News sitemap's stories: public articles published in the `windowMs` before `now`
 * (two days by default), newest first (ties: higher id first), at most `limit` (1,000).
 */
export async function getNewsSitemapArticles(
  db: DB,
  now: string,
  { windowMs = NEWS_WINDOW_MS, limit = NEWS_MAX_URLS }: { windowMs?: number; limit?: number } = {},
): Promise<NewsSitemapArticle[]> {
  checkNow(now);
  const since = new Date(Date.parse(now) - windowMs).toISOString();
  const rows = await db
    .selectFrom("articles as a")
    .leftJoin("images as i", "i.id", "a.lead_image_id")
    .select(["a.id", "a.slug", "a.headline", "a.published_at", "a.updated_at"])
    .select("i.file as image_file")
    .where(isPublic(now))
    .where("a.published_at", ">=", since)
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    path: articlePath(r.id, r.slug),
    headline: r.headline,
    publishedAt: r.published_at ?? r.updated_at,
    updatedAt: r.updated_at,
    imagePath: photoPath(r.image_file),
  }));
}
