// @ts-check
/**
 * The rules both of Herald's page caches keep (decision 029; the memory one in
 * memory-cache-handler.mjs, the shared Redis one in redis-cache-handler.mjs, decision 034), in one
 * place: which tags an entry depends on, how old an entry counts (as old as the read that began
 * its render), which pages the proxy may let through during a database outage, and the Map of
 * page lifetimes Next.js never prunes. Plain JavaScript: Next.js loads the handlers unbundled, and
 * proxy.ts imports this file, so it must not import the Redis client.
 */

/** The response header in which Next.js keeps a page's or route's cache tags. */
export const TAGS_HEADER = "x-next-cache-tags";

/** Lifetimes Next.js may remember before they are forgotten (see forgetNextLifetimes). */
export const MAX_REMEMBERED_LIFETIMES = 20_000;

/** Cache misses whose renders may still be running, remembered at most. */
const MAX_PENDING = 10_000;

/**
 * The tags an entry depends on: a page's or route's from its response headers, a data-cache
 * entry's from the context Next.js passes (its own tags and the page's implicit ones).
 * @param {any} value
 * @param {any} ctx
 * @returns {string[]}
 */
export function tagsOf(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" && header ? header.split(",") : [];
  return [...fromHeader, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}

/**
 * The tags to check when reading an entry stored with `stored`: a data entry also depends on the
 * page that reads it now (the tags Next.js passes with the read).
 * @param {string[]} stored
 * @param {any} ctx
 * @returns {string[]}
 */
export function tagsToCheck(stored, ctx) {
  return ctx?.kind === "FETCH" ? [...stored, ...tagsOf(null, ctx)] : stored;
}

/**
 * How long a miss's stamp is kept for later misses of the same key: twice the freshness window
 * (FRESH_SECONDS, 30 s, lib/news/freshness.ts), longer than a render runs (a query waits at most
 * 15 s for SQLite's lock). A stamp this old belongs to a render that never stored its result (it
 * failed, or Next.js kept it to itself): the next miss replaces it rather than date its own render
 * from it, which after a refresh would refuse that render (one render more for nothing).
 */
export const STAMP_MAX_AGE_MS = 60_000;

/**
 * When each render that may be running began: the cache's clock (a refresh count, or Redis's
 * time) at the read of its key. A miss keeps the earliest read still waiting, since concurrent
 * misses wait on the first one's render, unless that read is older than `maxAgeMs` of wall-clock
 * time (STAMP_MAX_AGE_MS): then the miss notes its own. A hit (which may be stale, and start a
 * render in the background) notes its own time. Bounded: the oldest reads are forgotten first,
 * and a render whose read was forgotten counts as older than every refresh.
 */
export class ReadStamps {
  /** @param {number} [limit] keys remembered at most @param {number} [maxAgeMs] see STAMP_MAX_AGE_MS */
  constructor(limit = MAX_PENDING, maxAgeMs = STAMP_MAX_AGE_MS) {
    this.limit = limit;
    this.maxAgeMs = maxAgeMs;
    /** @type {Map<string, { stamp: number, at: number }>} each key's stamp, and when (ms) it was noted */
    this.stamps = new Map();
  }

  /**
   * Notes a read of `key` at `stamp`; `hit` when an entry was found; `now` is the wall clock (ms).
   * @param {string} key @param {number} stamp @param {boolean} hit @param {number} [now]
   */
  note(key, stamp, hit, now = Date.now()) {
    const earlier = this.stamps.get(key);
    if (!hit && earlier && now - earlier.at < this.maxAgeMs) return;
    this.stamps.delete(key);
    this.stamps.set(key, { stamp, at: now });
    if (this.stamps.size > this.limit) this.stamps.delete(this.stamps.keys().next().value ?? "");
  }

  /** The stamp of the render now being stored for `key`, forgotten once taken; undefined when unknown. @param {string} key */
  take(key) {
    const earlier = this.stamps.get(key);
    this.stamps.delete(key);
    return earlier?.stamp;
  }
}

/**
 * @typedef {{ tags: string[], born: number, lastModified: number, cacheControl?: any }} PageFacts
 * What the proxy needs to know of a stored page.
 * @typedef {{ entries: Map<string, PageFacts>, expired: (tags: string[], born: number) => boolean }} PageIndex
 * A cache's pages as this process knows them, and its rule for an expired entry.
 */

/** The page index of the cache this process uses; handlers register theirs on globalThis. */
const holder = /** @type {typeof globalThis & { __heraldPageIndex?: PageIndex }} */ (globalThis);

/** Registers `index` as the one isPageCached reads (each handler does, on first use). @param {PageIndex} index */
export function registerPageIndex(index) {
  holder.__heraldPageIndex = index;
}

/**
 * Whether the page at `pathname` ("/article/1/seoul-rain") can be served from the cache as it is:
 * stored, no tag refreshed since, and younger than its expire time, as far as this process knows
 * (for the Redis cache: pages this instance stored or read, and refresh times it has seen).
 * proxy.ts asks during a database outage, to let such a page through rather than answer 503.
 * Page keys end in "/$" and the pathname ("/route-cache/APP_PAGE/<route hash>/$/article/1/x";
 * the home page's in "/$/index").
 * @param {string} pathname
 * @param {number} [now]
 * @returns {boolean}
 */
export function isPageCached(pathname, now = Date.now()) {
  const index = holder.__heraldPageIndex;
  if (!index) return false;
  const suffix = `/$${pathname === "/" ? "/index" : pathname}`;
  for (const [key, entry] of index.entries) {
    if (!key.startsWith("/route-cache/APP_PAGE/") || !key.endsWith(suffix)) continue;
    const expire = Number(entry.cacheControl?.expire);
    const fresh = !Number.isFinite(expire) || now - entry.lastModified < expire * 1000;
    if (fresh && !index.expired(entry.tags, entry.born)) return true;
  }
  return false;
}

/**
 * Next.js remembers every rendered page's cache lifetime in a Map it never prunes
 * (`SharedCacheControls.cacheControls` in node_modules/next/dist/server/lib/incremental-cache/,
 * reached through `globalThis.__incrementalCache`): about 0.3 kB per distinct URL, 300 MB after
 * a million. Our entries carry their own lifetime (`cacheControl`), which Next.js prefers, so
 * the Map is emptied with its own `clear()` once it holds MAX_REMEMBERED_LIFETIMES. Does nothing
 * when Next.js no longer has it.
 * @param {number} [limit]
 */
export function forgetNextLifetimes(limit = MAX_REMEMBERED_LIFETIMES) {
  const controls = /** @type {any} */ (globalThis).__incrementalCache?.cacheControls;
  const remembered = controls?.constructor?.cacheControls;
  if (remembered instanceof Map && remembered.size > limit && typeof controls.clear === "function")
    controls.clear();
}

/** How many times this process has learnt of a refresh made by another instance. */
const refreshes = /** @type {typeof globalThis & { __heraldSharedRefreshes?: number }} */ (
  globalThis
);

/**
 * Counts a refresh another instance made (the Redis cache's watch calls it), so memos of what
 * the database said (lib/news/states.ts) are dropped on this instance too.
 */
export function noteSharedRefresh() {
  refreshes.__heraldSharedRefreshes = (refreshes.__heraldSharedRefreshes ?? 0) + 1;
}

/** The count of refreshes made elsewhere that this process has seen (0 with one instance). */
export function sharedRefreshCount() {
  return refreshes.__heraldSharedRefreshes ?? 0;
}
