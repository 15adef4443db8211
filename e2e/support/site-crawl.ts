import type { APIRequestContext } from "@playwright/test";
import { BASE_URL } from "./env";
import { htmlFacts, type HtmlFacts } from "./html-facts";

/**
 * A breadth-first crawl of the suite's server over plain HTTP (no browser), for
 * e2e/site-crawl.spec.ts: fetches each URL once without following redirects, reads the facts of
 * every HTML page (e2e/support/html-facts.ts) and queues the internal links and feeds it names.
 * It only records; the spec decides what is wrong.
 */

/** What a URL is, from its path alone (lib/urls.ts spells the grammar). */
export type Kind =
  | "home"
  | "front"
  | "front-older"
  | "subsection"
  | "subsection-older"
  | "article"
  | "author"
  | "author-older"
  | "tag"
  | "tag-older"
  | "standing"
  | "search"
  | "feed"
  | "other";

/** The standing pages (content/pages.json), each at its own top-level path. */
export const STANDING_PATHS = ["/privacy", "/copyright", "/ombudsman", "/subscribe"];

/** The kind of the page at `path` ("/national/before/12" → "front-older"). */
export function kindOf(path: string): Kind {
  const { pathname } = new URL(path, BASE_URL);
  if (pathname === "/") return "home";
  if (pathname === "/rss.xml" || pathname.startsWith("/rss/")) return "feed";
  if (STANDING_PATHS.includes(pathname)) return "standing";
  if (pathname === "/search") return "search";
  const segments = pathname.split("/").slice(1);
  const [first, second, third] = segments;
  if (first === "article") return "article";
  if ((first === "author" || first === "tag") && segments.length <= 4)
    return third === "before" ? `${first}-older` : first;
  if (segments.length === 1) return "front";
  if (segments.length === 2 && second !== "before") return "subsection";
  if (segments.length === 3 && second === "before") return "front-older";
  if (segments.length === 4 && third === "before") return "subsection-older";
  return "other";
}

/**
 * The site path ("/tag/%ED%95%9C?x=1") of a link found on the page at `base`, or null when the
 * crawl does not follow it: another origin or scheme, /api/ and /_next/, a fragment on the same
 * page. Fragments are dropped; the query string is kept as written.
 */
export function sitePath(href: string, base: string): string | null {
  if (href.startsWith("#")) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.origin !== new URL(BASE_URL).origin) return null;
  if (/^\/(api|_next)(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}`;
}

/** One URL the crawl knows about: where it was found and, once fetched, what it answered. */
export type Visit = {
  path: string;
  kind: Kind;
  /** The first few pages (or sitemaps) that link to it, and how many do in all. */
  from: string[];
  linkedTimes: number;
  /** 0 until fetched (or when the request itself failed). */
  status: number;
  /** Where a redirect pointed, or why the request failed. */
  note?: string;
  contentType?: string;
  /** Set for a 200 HTML page; its links are dropped once queued. */
  facts?: Omit<HtmlFacts, "links">;
  fetched: boolean;
};

const MAX_REFERRERS = 3;

/**
 * The crawl's queue and record. URLs are taken in the order they were added; `later` URLs only
 * once the main queue is empty. At most `maxPages` pages are fetched (feeds are not counted);
 * URLs beyond the bound stay known but unfetched.
 */
export class SiteCrawl {
  readonly visits = new Map<string, Visit>();
  private readonly queue: string[] = [];
  private readonly later: string[] = [];
  /** URLs in `later` not yet moved to the main queue. */
  private readonly waiting = new Set<string>();
  private pagesTaken = 0;

  constructor(
    private readonly request: APIRequestContext,
    private readonly maxPages: number,
  ) {}

  /** Notes that `from` links to `path`, queueing `path` the first time (in `later` if asked). */
  add(path: string, from: string, options: { later?: boolean } = {}): void {
    const known = this.visits.get(path);
    if (known) {
      known.linkedTimes += 1;
      if (known.from.length < MAX_REFERRERS && !known.from.includes(from)) known.from.push(from);
      // Waiting in `later`, but a page links to it: its turn comes with the page's other links.
      if (!options.later && this.waiting.delete(path)) this.queue.push(path);
      return;
    }
    this.visits.set(path, {
      path,
      kind: kindOf(path),
      from: [from],
      linkedTimes: 1,
      status: 0,
      fetched: false,
    });
    if (options.later) this.waiting.add(path);
    (options.later ? this.later : this.queue).push(path);
  }

  /** The next URL to fetch within the bound, or undefined when there is none. */
  private take(): Visit | undefined {
    for (const list of [this.queue, this.later]) {
      while (list.length > 0) {
        const visit = this.visits.get(list.shift()!)!;
        if (visit.fetched) continue; // promoted from `later` and fetched already
        if (visit.kind !== "feed") {
          if (this.pagesTaken >= this.maxPages) continue;
          this.pagesTaken += 1;
        }
        visit.fetched = true;
        this.waiting.delete(visit.path);
        return visit;
      }
    }
    return undefined;
  }

  /** Fetches everything queued (and whatever it links to), `width` requests at a time. */
  async run(width: number): Promise<void> {
    const worker = async () => {
      for (let visit = this.take(); visit; visit = this.take()) await this.fetch(visit);
    };
    // A worker stops when the queue is empty for a moment; go on while pages still add links.
    while (this.queue.length > 0 || (this.later.length > 0 && this.pagesTaken < this.maxPages))
      await Promise.all(Array.from({ length: width }, worker));
  }

  /** GETs one URL without following redirects; reads and follows a 200 HTML page. */
  private async fetch(visit: Visit): Promise<void> {
    try {
      const response = await this.request.get(`${BASE_URL}${visit.path}`, {
        maxRedirects: 0,
        timeout: 30_000,
      });
      visit.status = response.status();
      visit.contentType = response.headers()["content-type"] ?? "";
      if (response.headers()["location"]) visit.note = `to ${response.headers()["location"]}`;
      if (
        visit.status !== 200 ||
        visit.kind === "feed" ||
        !visit.contentType.startsWith("text/html")
      ) {
        await response.dispose();
        return;
      }
      const { links, ...facts } = htmlFacts(await response.text());
      visit.facts = facts;
      const base = `${BASE_URL}${visit.path}`;
      for (const href of [...links, ...facts.alternates]) {
        const path = sitePath(href, base);
        if (path !== null && path !== visit.path) this.add(path, visit.path);
      }
    } catch (error) {
      visit.note = `request failed: ${(error as Error).message.split("\n")[0]}`;
    }
  }

  /** The URLs known but never fetched because of the bound. */
  unfetched(): Visit[] {
    return [...this.visits.values()].filter((v) => !v.fetched);
  }
}
