import type { ArticleState } from "../domain";
import { parseSearchParams } from "../search/params";
import {
  articleIdSchema,
  articlePath,
  authorPath,
  listSlugSchema,
  tagPath,
  frontCursorSchema,
  frontPagePath,
  legacyArticleIdSchema,
  legacySectionCodeSchema,
  MEDIA_PATH,
  OLDER_PAGE_SEGMENT,
  single,
  SLUG_PATTERN,
} from "../urls";
import { ERROR_PAGES_PATH } from "../http/error-pages.mjs";

/**
 * What proxy.ts makes of a request's URL before the router sees it (docs/decisions/003-proxy.md,
 * 032-error-pages.md): its canonical form, to be reached in one permanent redirect; or a miss the
 * proxy can see from its memo of story states and section paths, which it answers with an error
 * page (a page's own `notFound()` gives readers without JavaScript an empty page); or neither.
 */
export type Outcome =
  | { kind: "pass" }
  | { kind: "redirect"; to: URL }
  | { kind: "error"; status: 404 | 410; section: string | null };

/** What the resolver asks of the news module (lib/news/states.ts); passed in, so tests answer. */
export type Lookups = {
  storyState(id: number): Promise<ArticleState | null>;
  isFront(path: string): Promise<boolean>;
  legacyPath(kind: "article" | "section", code: string): Promise<string | null>;
  storyList(kind: "author" | "tag", slug: string, before: number | null): Promise<boolean>;
};

/** How the request came: slashes folded by server.mjs; an editor's preview session cookie. */
export type RequestFacts = { folded: boolean; preview: boolean };

const PASS: Outcome = { kind: "pass" };
const notFound = (section: string | null = null): Outcome => ({
  kind: "error",
  status: 404,
  section,
});

/**
 * The outcome for `url` (paths under /_next/ are Next.js's: always "pass").
 *
 * - Redirect: every other spelling of a page's URL reaches its canonical form in one redirect,
 *   which folds together repeated slashes (folded by server.mjs already: `facts.folded`), a
 *   trailing slash (but "/"), an article's id in percent-escapes, a missing or wrong slug,
 *   "/Article", a section front in other letter case, the earlier "?before=ID" paging, and
 *   /view.php?ud= and /list.php?ct= of the earlier site. The query is kept, less what the
 *   canonical form drops.
 * - Error: an unknown or malformed article id; a story not public (unless an editor's preview
 *   session may show it); a withdrawn story (410, with its section); an unknown subsection of a
 *   known section, or a cursor that is no story of that front; an unknown earlier URL; an author
 *   or tag without a page, or a cursor that is no story of it; a malformed search page number;
 *   any request for the error pages' own paths.
 *
 * Throws what the lookups throw (StoreUnavailableError while the database fails).
 */
export async function resolveRequest(
  url: URL,
  lookups: Lookups,
  facts: RequestFacts,
): Promise<Outcome> {
  // Next.js's own paths (the build's files, which the matcher mostly skips) are its to answer.
  if (url.pathname.startsWith("/_next/")) return PASS;
  const target = new URL(url.href);
  target.pathname = target.pathname.replace(/\/{2,}/g, "/");
  if (target.pathname !== "/") target.pathname = target.pathname.replace(/\/+$/, "");
  const segments = target.pathname.split("/").filter(Boolean);
  const first = segments[0]?.toLowerCase();

  let outcome = PASS;
  if (first === "article" && segments.length >= 2 && segments.length <= 3) {
    outcome = await canonicalArticle(target, segments, lookups, facts);
  } else if (target.pathname === "/view.php" || target.pathname === "/list.php") {
    outcome = await canonicalLegacy(target, lookups);
  } else if (target.pathname === "/search") {
    outcome = parseSearchParams(queryRecord(target.searchParams)).ok ? PASS : notFound();
  } else if ((first === "author" || first === "tag") && segments.length >= 2) {
    outcome = await canonicalStoryList(target, first, segments, lookups);
  } else if (`/${segments[0]}` === MEDIA_PATH) {
    // Uploaded photos (app/media/[id]/[name]): the route reads the database and answers its own
    // 404; never a section front, whatever sections exist (docs/decisions/039).
    outcome = PASS;
  } else if (`/${segments[0]}` === ERROR_PAGES_PATH) {
    outcome = notFound();
  } else if (segments.length >= 1 && segments.length <= 4) {
    outcome = await canonicalFront(target, segments, lookups);
  }
  if (outcome.kind !== "pass") return outcome;
  return target.href !== url.href || facts.folded ? { kind: "redirect", to: target } : PASS;
}

/**
 * "/article/{id}" and "/article/{id}/{slug}": points `target` at a public story's canonical
 * path; a miss for a malformed or unknown id, a withdrawn story, or one not yet public.
 */
async function canonicalArticle(
  target: URL,
  [, rawId = "", slug]: string[],
  lookups: Lookups,
  facts: RequestFacts,
): Promise<Outcome> {
  // The id as the router reads it: "%33" is "3", so no spelling gets past the 410 or the redirect.
  const id = articleIdSchema.safeParse(safeDecode(rawId));
  if (!id.success) return notFound();
  const state = await lookups.storyState(id.data);
  if (!state) return notFound();
  if (state.state === "withdrawn")
    return { kind: "error", status: 410, section: state.sectionPath };
  // An editor may preview a story that is not public: the page checks the session.
  if (state.state === "unpublished") return facts.preview ? PASS : notFound();
  if (slug !== state.slug || rawId !== String(id.data) || !target.pathname.startsWith("/article/"))
    target.pathname = articlePath(id.data, state.slug);
  return PASS;
}

/**
 * An author's or a tag's page, "/author/{slug}" or "/tag/{slug}", and its older pages
 * ".../before/{id}": points `target` at the canonical spelling (lower-case route and slug, the
 * slug in NFC, percent-encoded); a miss for anything else, an unknown author or tag, one with no
 * public story, or a cursor that is no story of its list.
 */
async function canonicalStoryList(
  target: URL,
  kind: "author" | "tag",
  [, rawSlug = "", ...rest]: string[],
  lookups: Lookups,
): Promise<Outcome> {
  const slug = listSlugSchema.safeParse(safeDecode(rawSlug).toLowerCase());
  const isOlderPage = rest.length === 2 && rest[0]?.toLowerCase() === OLDER_PAGE_SEGMENT;
  if (!slug.success || (rest.length > 0 && !isOlderPage)) return notFound();
  const cursor = isOlderPage ? frontCursorSchema.safeParse(rest[1]) : null;
  if (cursor && !cursor.success) return notFound();
  const before = cursor?.data ?? null;
  if (!(await lookups.storyList(kind, slug.data, before))) return notFound();
  const path = kind === "author" ? authorPath(slug.data) : tagPath(slug.data);
  target.pathname = frontPagePath(path, before);
  return PASS;
}

/** /view.php?ud= and /list.php?ct=: points `target` at where the page now lives, or a miss. */
async function canonicalLegacy(target: URL, lookups: Lookups): Promise<Outcome> {
  const [kind, param, schema] =
    target.pathname === "/view.php"
      ? (["article", "ud", legacyArticleIdSchema] as const)
      : (["section", "ct", legacySectionCodeSchema] as const);
  const code = schema.safeParse(single(queryRecord(target.searchParams)[param]));
  const path = code.success ? await lookups.legacyPath(kind, code.data) : null;
  if (!path) return notFound();
  target.pathname = path;
  target.searchParams.delete(param);
  return PASS;
}

/**
 * Section fronts, "/{section}[/{subsection}]" and their older pages ".../before/{id}": lower-cases
 * a front spelled in other letter case and turns the earlier "?before=ID" paging into the page's
 * path (an empty value is the first page; of repeated values, the first counts). A miss, with
 * the known section: an unknown subsection, or a cursor malformed or no story of that front.
 * Paths whose first segment is no section are left alone: other routes, or Next.js's own 404
 * (the fronts' routes know their sections: app/[section]/page.tsx).
 */
async function canonicalFront(target: URL, segments: string[], lookups: Lookups): Promise<Outcome> {
  const lower = segments.map((segment) => segment.toLowerCase());
  const older = lower.indexOf(OLDER_PAGE_SEGMENT);
  const frontSegments = older === -1 ? lower : lower.slice(0, older);
  // Only a path of slugs can be a front: files ("/images/logo.png") never ask the store.
  if (!frontSegments.every((segment) => SLUG_PATTERN.test(segment))) return PASS;
  const top = `/${lower[0]}`;
  if (!(await lookups.isFront(top))) return PASS;
  const front = `/${frontSegments.join("/")}`;
  const isOlderPage = older >= 1 && older <= 2 && older === segments.length - 2;
  if ((older !== -1 && !isOlderPage) || frontSegments.length > 2) return notFound(top);
  if (!(await lookups.isFront(front))) return notFound(top);
  if (isOlderPage) {
    const cursor = frontCursorSchema.safeParse(segments.at(-1));
    if (!cursor.success || !(await marksPlaceIn(front, cursor.data, lookups)))
      return notFound(front);
    target.pathname = frontPagePath(front, cursor.data);
    return PASS;
  }
  target.pathname = front;
  const cursors = target.searchParams.getAll("before");
  if (cursors.length === 0) return PASS;
  target.searchParams.delete("before");
  const [value = ""] = cursors;
  if (value === "") return PASS;
  const cursor = frontCursorSchema.safeParse(value);
  // A malformed one goes to the path of a malformed cursor, which answers 404 in turn.
  target.pathname = cursor.success
    ? frontPagePath(front, cursor.data)
    : `${front}/${OLDER_PAGE_SEGMENT}/${encodeURIComponent(value)}`;
  return PASS;
}

/**
 * Whether story `id` can mark a place in the front at `front`, as the front's query requires
 * (lib/news/sql/queries/section-front.ts): a story of that section (or, for a top-level front,
 * of one of its subsections) that has been published; one withdrawn since still counts.
 */
async function marksPlaceIn(front: string, id: number, lookups: Lookups): Promise<boolean> {
  const state = await lookups.storyState(id);
  if (!state || state.state === "unpublished") return false;
  return state.sectionPath === front || state.sectionPath.startsWith(`${front}/`);
}

/** A query string as Next.js hands it to pages: one string per name, or an array of repeats. */
function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    record[name] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
