import { expect, test, type APIRequestContext } from "@playwright/test";
import { BASE_URL } from "./support/env";
import { breadcrumbItems, sitemapLocs } from "./support/html-facts";
import { SiteCrawl, STANDING_PATHS, type Kind, type Visit } from "./support/site-crawl";

/**
 * The site as a search engine's crawler meets it: from the home page, every internal link
 * breadth-first, plus the URLs every sitemap lists, over plain HTTP without following redirects.
 * Every link must answer 200; every page must say truthfully whether it may be indexed (thin
 * author and tag pages and empty fronts `noindex, follow`: lib/seo/thin-pages.ts); every indexable
 * page must be self-canonical, have a title of its own and, below home and the standing pages, a
 * breadcrumb trail; every sitemap URL must be an indexable page. All problems are listed at once.
 */

/** At most this many pages are fetched (feeds not counted): enough for every kind of page. */
const MAX_PAGES = 600;
/** Requests in flight at once. */
const WIDTH = 4;
/** Fewer public stories than this make an author's or a tag's page thin (lib/seo/thin-pages.ts). */
const THIN_LIST_STORIES = 3;
/** What a thin page's robots meta says. */
const THIN_ROBOTS = "noindex, follow";
/**
 * Kinds of page the crawl must reach, or it has stopped covering the site. Not "tag-older": no
 * tag of the suite's content has more stories than a page holds (20).
 */
const REQUIRED_KINDS: Kind[] = [
  "home",
  "front",
  "front-older",
  "subsection",
  "subsection-older",
  "article",
  "author",
  "author-older",
  "tag",
  "standing",
  "search",
  "feed",
];

/** A sitemap's page URLs, as site paths; a URL of another origin is a problem. */
async function readSitemap(request: APIRequestContext, path: string, problems: string[]) {
  const response = await request.get(`${BASE_URL}${path}`, { maxRedirects: 0 });
  if (response.status() !== 200) {
    problems.push(`${path}: the sitemap answered ${response.status()}`);
    return [];
  }
  return sitemapLocs(await response.text()).flatMap((loc) => {
    if (loc.startsWith(`${BASE_URL}/`)) return [new URL(loc).pathname + new URL(loc).search];
    problems.push(`${path}: lists ${loc}, not an absolute URL of ${BASE_URL}`);
    return [];
  });
}

/** "linked from /a, /b and 4 more" */
function referrers(visit: Visit): string {
  const more = visit.linkedTimes - visit.from.length;
  return `linked from ${visit.from.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** Why a page should be `noindex, follow`, or null when it should be indexable. */
function thinReason(visit: Visit, crawl: SiteCrawl): string | null {
  const facts = visit.facts!;
  if (facts.emptyFront) return 'it says "No stories in … yet."';
  if (visit.kind === "author" || visit.kind === "tag")
    return facts.storyCount < THIN_LIST_STORIES ? `it lists ${facts.storyCount} stories` : null;
  if (visit.kind === "author-older" || visit.kind === "tag-older") {
    // An older page belongs to the same list as its first page, thin or not.
    const first = crawl.visits.get(visit.path.replace(/\/before\/[^/]+$/, ""));
    return first?.facts && thinReason(first, crawl) ? `its first page ${first.path} is thin` : null;
  }
  return null;
}

/** The problems of one fetched page; indexable pages' titles go into `titles`. */
function checkPage(visit: Visit, crawl: SiteCrawl, titles: Map<string, string[]>): string[] {
  const { path, kind } = visit;
  if (visit.status !== 200)
    return [
      `${path} answered ${visit.status || "nothing"}${visit.note ? ` (${visit.note})` : ""}, ${referrers(visit)}`,
    ];
  if (kind === "feed")
    return /xml/.test(visit.contentType ?? "")
      ? []
      : [`${path}: a feed served as ${visit.contentType}`];
  if (!visit.contentType?.startsWith("text/html"))
    return kind === "other" ? [] : [`${path} is ${visit.contentType}, not an HTML page`];
  const facts = visit.facts!;
  const problems = facts.jsonLdErrors.map((e) => `${path}: JSON-LD that does not parse: ${e}`);
  const noindex = facts.robots.some((content) => /noindex/i.test(content));
  const robots = facts.robots.length > 0 ? `"${facts.robots.join('", "')}"` : "none";
  if (kind === "search") {
    if (!noindex) problems.push(`${path}: the search page must be noindex (robots: ${robots})`);
    return problems; // not a document of its own: no canonical, title or breadcrumbs to check
  }
  const thin = thinReason(visit, crawl);
  if (thin && (facts.robots.length !== 1 || facts.robots[0] !== THIN_ROBOTS))
    problems.push(
      `${path} is thin (${thin}) but its robots meta is ${robots}, not "${THIN_ROBOTS}"`,
    );
  if (!thin && noindex) {
    const listed = /^(author|tag|front|subsection)/.test(kind)
      ? `, ${facts.storyCount} stories`
      : "";
    problems.push(`${path} is not thin (a ${kind} page${listed}) but says robots ${robots}`);
  }

  const self = new URL(path, BASE_URL).href;
  const [canonical, ...others] = facts.canonicals;
  if (!noindex && canonical === undefined) problems.push(`${path}: no <link rel="canonical">`);
  if (others.length > 0) problems.push(`${path}: ${facts.canonicals.length} canonical links`);
  if (canonical !== undefined && !/^https?:\/\//.test(canonical))
    problems.push(`${path}: canonical ${canonical} is not absolute`);
  else if (canonical !== undefined && new URL(canonical).href !== self)
    problems.push(`${path}: canonical ${canonical} is not the page's own URL ${self}`);
  if (noindex) return problems;

  if (facts.title) titles.set(facts.title, [...(titles.get(facts.title) ?? []), path]);
  else problems.push(`${path}: no <title>`);
  if (kind !== "home" && kind !== "standing" && breadcrumbItems(facts.jsonLd) < 2)
    problems.push(`${path}: no BreadcrumbList JSON-LD with at least two ListItems`);
  return problems;
}

test("a crawl from the home page and the sitemaps finds only sound, truthfully indexable pages", async ({
  request,
}, testInfo) => {
  // About 20 s for the whole site (some 600 URLs) on two cores.
  test.setTimeout(120_000);
  const started = Date.now();
  const problems: string[] = [];
  const crawl = new SiteCrawl(request, MAX_PAGES);

  crawl.add("/", "(start)");
  for (const path of [...STANDING_PATHS, "/search"]) crawl.add(path, "(start)");

  // Every sitemap URL; of the monthly article files, the first story of each now, the rest if
  // the bound leaves room (most are linked from fronts and author pages anyway).
  const listed = new Map<string, string>(); // page path → the sitemap that lists it
  for (const sitemap of await readSitemap(request, "/sitemap.xml", problems)) {
    const monthly = sitemap.startsWith("/sitemaps/articles/");
    const pages = await readSitemap(request, sitemap, problems);
    if (pages.length === 0) problems.push(`${sitemap}: the index lists a sitemap with no URL`);
    pages.forEach((path, index) => {
      if (!listed.has(path)) listed.set(path, sitemap);
      crawl.add(path, sitemap, { later: monthly && index > 0 });
    });
  }

  await crawl.run(WIDTH);

  const titles = new Map<string, string[]>();
  const fetched = [...crawl.visits.values()].filter((v) => v.fetched);
  for (const visit of fetched) problems.push(...checkPage(visit, crawl, titles));
  for (const [title, paths] of titles)
    if (paths.length > 1)
      problems.push(
        `${paths.length} indexable pages share the title "${title}": ${paths.join(", ")}`,
      );

  let sitemapChecked = 0;
  for (const [path, sitemap] of listed) {
    const visit = crawl.visits.get(path)!;
    if (!visit.fetched) {
      if (!sitemap.startsWith("/sitemaps/articles/"))
        problems.push(`${path} (in ${sitemap}) was not reached within ${MAX_PAGES} pages`);
      continue;
    }
    sitemapChecked += 1;
    if (visit.facts?.robots.some((content) => /noindex/i.test(content)))
      problems.push(`${path} is listed in ${sitemap} but is noindex`);
  }

  const byKind = new Map<Kind, number>();
  for (const visit of fetched) byKind.set(visit.kind, (byKind.get(visit.kind) ?? 0) + 1);
  for (const kind of REQUIRED_KINDS)
    if (!byKind.has(kind))
      problems.push(`no ${kind} page was reached: the crawl no longer covers the site`);
  for (const path of STANDING_PATHS)
    if (!crawl.visits.get(path)?.fetched) problems.push(`${path} was not reached`);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = [
    `Crawled ${fetched.length} URLs in ${seconds} s (${crawl.unfetched().length} more left out by the bound of ${MAX_PAGES} pages):`,
    ...[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `  ${kind}: ${n}`),
    `Sitemap URLs checked: ${sitemapChecked} of ${listed.size}. Problems: ${problems.length}.`,
  ].join("\n");
  console.log(summary);
  await testInfo.attach("crawl.json", {
    body: JSON.stringify(
      fetched.map(({ facts, ...visit }) => ({
        ...visit,
        title: facts?.title,
        robots: facts?.robots,
        canonicals: facts?.canonicals,
        stories: facts?.storyCount,
      })),
      null,
      2,
    ),
    contentType: "application/json",
  });
  expect(problems, summary).toEqual([]);
});
