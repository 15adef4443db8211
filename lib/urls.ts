import { z } from "zod";
import { readConfig } from "./config";
import { ERROR_PAGES_PATH } from "./http/error-pages.mjs";

/**
 * Herald's URL grammar: every public path the site answers is built and parsed here, for the
 * routes in app/, proxy.ts, sitemaps, feeds and the tests. A URL exists because a folder in app/
 * says so; this module only spells the pieces those folders share.
 *
 * - Article: "/article/{id}/{slug}" (id: 1 to 15 digits, no leading zero).
 * - Section front: "/{section}" or "/{section}/{subsection}"; its older pages
 *   "/{section}/before/{id}" and "/{section}/{subsection}/before/{id}" (the stories published
 *   before story {id}, newest first). "before" is therefore never a subsection's slug.
 * - Author page: "/author/{slug}", tag page: "/tag/{slug}" (slugs in any script, percent-encoded),
 *   older pages ".../before/{id}" as on fronts. "author" and "tag" are therefore never a
 *   section's slug.
 * - Feeds: "/rss.xml", "/rss/{section}.xml", "/rss/{section}/{subsection}.xml",
 *   "/rss/author/{slug}.xml", "/rss/tag/{slug}.xml".
 * - Uploaded photos: "/media/{imageId}/photo-{imageId}.{ext}" (the name after the id is free:
 *   only the id and the extension count); the newsroom's photos, served from the database.
 * - Error pages, for proxy.ts's rewrites only (a request for one answers 404):
 *   "/errors/{status}" and "/errors/{status}/{section path}".
 */

/** A section's slug in a URL: lower-case letters, digits and hyphens, at most 60 characters. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * A tag's or a byline's slug (/tag/{slug}, /author/{slug}): words of letters, digits and combining marks
 * of any script joined by single hyphens, at most 80 code points; what unicodeSlug
 * (lib/format/slug.ts) makes. Matched against the decoded path segment.
 * docs/decisions/028-unicode-slugs-for-tags-and-bylines.md
 */
export const TAG_SLUG_PATTERN =
  /^(?=.{1,80}$)(?:[\p{L}\p{N}]\p{M}*)+(?:-(?:[\p{L}\p{N}]\p{M}*)+)*$/u;

/** An article id in a URL: a positive whole number without leading zeros, at most 15 digits. */
export const ARTICLE_ID_PATTERN = /^[1-9][0-9]{0,14}$/;

/** The path segment that introduces an older page of a section front. */
export const OLDER_PAGE_SEGMENT = "before";

/** An article id as a string (a route parameter, a form field) parsed to a number; else fails (a 404). */
export const articleIdSchema = z.string().regex(ARTICLE_ID_PATTERN).transform(Number);

/** A section slug in a URL (route parameter); "before" is reserved for paging. */
export const sectionSlugSchema = z
  .string()
  .regex(SLUG_PATTERN)
  .refine((slug) => slug !== OLDER_PAGE_SEGMENT, "reserved for paging");

/** A section front's URL segments: ["national"] or ["national", "politics"]. */
export const sectionSegmentsSchema = z.array(sectionSlugSchema).min(1).max(2);

/** "ud" of the earlier site's /view.php: YYYYMMDD and a 6-digit daily sequence (14 digits). */
export const legacyArticleIdSchema = z.string().regex(/^\d{14}$/);

/** "ct" of the earlier site's /list.php: a 12-digit section code such as 020100000000. */
export const legacySectionCodeSchema = z.string().regex(/^\d{12}$/);

/** The first path segment of uploaded photos' URLs. */
export const MEDIA_PATH = "/media";

/** An uploaded photo's `images.file`: "media/{imageId}.{ext}" (lib/news/sql/newsroom/media.ts). */
export const MEDIA_FILE_PATTERN = /^media\/([1-9][0-9]{0,14})\.(jpg|webp)$/;

/**
 * The public URL of a photograph from its `images.file`: an upload ("media/12.jpg") is served by
 * GET /media/12/photo-12.jpg from the database; any other file lies under /public/images/photos
 * (as named: callers that need it percent-encoded, the sitemaps, encode it). Every builder of an image `src` (articles, feeds, sitemaps, credits) uses it.
 */
export function imageSrc(file: string): string {
  const media = MEDIA_FILE_PATTERN.exec(file);
  if (media) return `${MEDIA_PATH}/${media[1]}/photo-${media[1]}.${media[2]}`;
  return `/images/photos/${file}`;
}

/** The one value of a query parameter, or undefined when it is missing or repeated. */
export function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The canonical path of an article: articlePath(3, "seoul-rain") → "/article/3/seoul-rain". */
export const articlePath = (id: number, slug: string) => `/article/${id}/${slug}`;

/** The path of a section front from its slugs: sectionPath("national", "politics") → "/national/politics". */
export const sectionPath = (top: string, child?: string) =>
  child === undefined ? `/${top}` : `/${top}/${child}`;

/** The path of a tag's page, its slug percent-encoded: tagPath("한국-태그") → "/tag/%ED%95%9C…". */
export const tagPath = (slug: string) => `/tag/${encodeURIComponent(slug)}`;

/** The path of an author's page, its slug percent-encoded: authorPath("yonhap") → "/author/yonhap". */
export const authorPath = (slug: string) => `/author/${encodeURIComponent(slug)}`;

/**
 * A tag's or an author's slug as a route parameter: percent-decoded (whether or not Next.js has
 * already; a slug holds no "%"), NFC, then TAG_SLUG_PATTERN; anything else fails (a 404).
 */
export const listSlugSchema = z
  .string()
  .transform((slug) => {
    try {
      return decodeURIComponent(slug).normalize("NFC");
    } catch {
      return "";
    }
  })
  .pipe(z.string().regex(TAG_SLUG_PATTERN));

/**
 * Path of a page of a section front: the front itself for the first page (`before` null), else
 * the page of stories published before the story `before` ("/national/before/123").
 */
export function frontPagePath(frontPath: string, before: number | null): string {
  return before === null ? frontPath : `${frontPath}/${OLDER_PAGE_SEGMENT}/${before}`;
}

/**
 * Path of the RSS feed of the whole site ("/rss.xml"), of one section front
 * ("/rss/national/politics.xml"), or of an author's or a tag's page ("/rss/tag/europe.xml").
 */
export function feedPath(frontPath?: string): string {
  return frontPath ? `/rss${frontPath}.xml` : "/rss.xml";
}

/**
 * Absolute URL of a path on this site, from the configured public origin (HERALD_SITE_URL):
 * absoluteUrl("/national") → "https://example.com/national". `path` must start with "/".
 */
export function absoluteUrl(path: string): string {
  return `${readConfig().siteUrl}${path}`;
}

/**
 * The cursor of an older page of a front, as a route parameter: the id of the story the page
 * starts after (1 to 2^53 - 1, no leading zeros or signs). Anything else fails (a 404).
 */
export const frontCursorSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number)
  .refine(Number.isSafeInteger);

/**
 * The statuses proxy.ts answers with an error page of app/errors/ (lib/proxy/answers.ts); 500 only
 * when server.mjs asks for it (lib/http/error-replay.mjs).
 */
export const ERROR_PAGE_STATUSES = [404, 410, 500, 503] as const;

/** One of {@link ERROR_PAGE_STATUSES}. */
export type ErrorPageStatus = (typeof ERROR_PAGE_STATUSES)[number];

/** The status segment of an error page's path ("410"); anything else fails (a 404). */
export const errorPageStatusSchema = z
  .enum(["404", "410", "500", "503"])
  .transform((status) => Number(status) as ErrorPageStatus);

/**
 * Path of the error page for `status`, with the section front a reader may go on to, if any:
 * errorPagePath(410, "/national/politics") → "/errors/410/national/politics".
 */
export function errorPagePath(status: ErrorPageStatus, sectionPath: string | null = null): string {
  return `${ERROR_PAGES_PATH}/${status}${sectionPath ?? ""}`;
}
