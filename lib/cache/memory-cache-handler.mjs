// @ts-check
/**
 * Herald's page and data cache for one server process (next.config.js `cacheHandler`; decision
 * 029). Next.js keeps rendered pages, route responses and `unstable_cache` entries here.
 *
 * Why our own, not Next.js's built-in one:
 * - Nothing from the build is ever served. The built-in cache falls back to the pages
 *   prerendered by `next build` when an entry is missing (after a restart, or after eviction), so
 *   a story withdrawn since the build came back. Next.js asks a custom handler only for the
 *   entries it stored itself (self-hosting guide, "cacheHandler": "never queried with a
 *   historical pathname"); a miss renders afresh.
 * - Its size is bounded by what entries really hold: every string and buffer of an entry is
 *   counted, and the least recently used entries go first once `maxBytes` is reached.
 * - Nothing is written to disk; a restart starts empty.
 *
 * A tag refresh (`revalidateTag`, from lib/news/refresh.ts) expires at once every entry carrying
 * the tag: an expired entry is never served, stale or not. Refreshes are counted, not timed: an
 * entry is as old as the cache miss that started its render, so a page rendered from data read
 * before a withdrawal, and stored after it, is expired too. This module is plain JavaScript
 * because Next.js loads it at run time, unbundled.
 */

import {
  forgetNextLifetimes,
  ReadStamps,
  registerPageIndex,
  tagsOf,
  tagsToCheck,
} from "./cache-rules.mjs";

export { forgetNextLifetimes, isPageCached, MAX_REMEMBERED_LIFETIMES } from "./cache-rules.mjs";

/** Default size when HERALD_CACHE_MB is not set: the home page, every front and ~1,000 articles. */
export const DEFAULT_CACHE_MB = 256;

/**
 * @typedef {{ value: any, lastModified: number, cacheControl?: any, tags: string[], bytes: number, born: number }} Entry
 */

/** Entries and tag times live on globalThis: Next.js may load this module more than once. */
const holder = /** @type {typeof globalThis & { __heraldPageCache?: Store }} */ (globalThis);

class Store {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    /** @type {Map<string, Entry>} insertion order is recency order: first out is least recent */
    this.entries = new Map();
    /** @type {Map<string, number>} the refresh count at each tag's last refresh */
    this.refreshedTags = new Map();
    /** How many refreshes there have been: the cache's clock, which never goes back. */
    this.refreshes = 0;
    /** Keys read (missed or stale), with the refresh count then. */
    this.reads = new ReadStamps();
    this.bytes = 0;
  }

  /** Notes that a render for `key` may start now. @param {string} key @param {boolean} hit */
  noteRead(key, hit) {
    this.reads.note(key, this.refreshes, hit);
  }

  /**
   * The refresh count when the render now being stored for `key` began (its read), or, when
   * that is unknown, the count before the latest refresh: unknown counts as old.
   * @param {string} key
   */
  takeBirth(key) {
    return this.reads.take(key) ?? Math.max(0, this.refreshes - 1);
  }

  /** Whether a tag in `tags` was refreshed after `born`. @param {string[]} tags @param {number} born */
  expired(tags, born) {
    return tags.some((tag) => (this.refreshedTags.get(tag) ?? 0) > born);
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** @param {string} key @param {Entry} entry */
  put(key, entry) {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }
}

/**
 * The store this process shares, created on first use with HERALD_CACHE_MB megabytes (a whole
 * number from 1; DEFAULT_CACHE_MB when unset). Throws on a malformed HERALD_CACHE_MB.
 * @returns {Store}
 */
function store() {
  if (!holder.__heraldPageCache) {
    const created = new Store(cacheBytes(process.env.HERALD_CACHE_MB));
    holder.__heraldPageCache = created;
    registerPageIndex({
      entries: created.entries,
      expired: (tags, born) => created.expired(tags, born),
    });
  }
  return holder.__heraldPageCache;
}

/**
 * Reads the cache size setting: megabytes as a whole number from 1 to 65536, or the default.
 * @param {string | undefined} setting
 * @returns {number} bytes
 */
export function cacheBytes(setting) {
  if (setting === undefined || setting === "") return DEFAULT_CACHE_MB * 1024 * 1024;
  if (!/^\d+$/.test(setting) || Number(setting) < 1 || Number(setting) > 65536) {
    throw new Error(
      `HERALD_CACHE_MB must be a whole number of megabytes from 1 to 65536, not "${setting}".`,
    );
  }
  return Number(setting) * 1024 * 1024;
}

/**
 * Approximate bytes an entry holds: strings as UTF-16 (two bytes a character, V8's worst case),
 * buffers by length, maps and objects by their contents. Over-counting is safe; under-counting
 * is what let the cache outgrow its cap.
 * @param {unknown} value
 * @param {number} [depth]
 * @returns {number}
 */
export function sizeOf(value, depth = 0) {
  if (value == null || depth > 8) return 8;
  if (typeof value === "string") return 2 * value.length + 16;
  if (typeof value !== "object") return 8;
  if (ArrayBuffer.isView(value)) return value.byteLength + 64;
  if (value instanceof ArrayBuffer) return value.byteLength + 64;
  let total = 64;
  if (value instanceof Map) {
    for (const [k, v] of value) total += sizeOf(k, depth + 1) + sizeOf(v, depth + 1);
    return total;
  }
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) total += sizeOf(item, depth + 1) + 16;
  return total;
}

export default class MemoryCacheHandler {
  /** Next.js constructs one per request (with options Herald does not need); all share one store. */
  constructor() {
    this.store = store();
  }

  /**
   * The entry stored under `key`, or null when there is none or a tag it depends on was
   * refreshed after it was stored (the entry is then dropped).
   * @param {string} key
   * @param {any} [ctx] Next.js's context: `kind`, and for data entries `tags`/`softTags`
   */
  async get(key, ctx) {
    const { entries } = this.store;
    const entry = entries.get(key);
    const expired = !entry || this.store.expired(tagsToCheck(entry.tags, ctx), entry.born);
    // A miss or a stale entry starts a render. Every read restamps the key, as before the shared
    // cache came: one process has no render that another read could make look newer, and an
    // earlier stamp kept on a miss outlived renders that were never stored, so the page after a
    // tag refresh was stored already expired (e2e/quiet/cache.spec.ts).
    this.store.noteRead(key, true);
    if (!entry) return null;
    if (expired) {
      this.store.delete(key);
      return null;
    }
    // Most recently used goes to the back of the line.
    entries.delete(key);
    entries.set(key, entry);
    return {
      value: entry.value,
      lastModified: entry.lastModified,
      cacheControl: entry.cacheControl,
    };
  }

  /**
   * Stores `data` under `key` (null data removes the entry), evicting the least recently used
   * entries beyond the size cap. An entry larger than the whole cap is not stored.
   * @param {string} key
   * @param {any} data
   * @param {any} [ctx] `tags` for data entries; `cacheControl` for pages and routes
   */
  async set(key, data, ctx) {
    if (data == null) {
      this.store.delete(key);
      return;
    }
    forgetNextLifetimes();
    const tags = tagsOf(data, ctx);
    const born = this.store.takeBirth(key);
    // Rendered from data read before a refresh of one of its tags: already out of date.
    if (this.store.expired(tags, born)) return;
    this.store.put(key, {
      value: data,
      lastModified: Date.now(),
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
      tags,
      bytes: sizeOf(key) + sizeOf(data) + sizeOf(tags),
      born,
    });
  }

  /**
   * Expires at once every entry that carries any of `tags` (whatever `durations` asks: Herald
   * only ever refreshes with `expire: 0`, lib/news/refresh.ts).
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const count = ++this.store.refreshes;
    for (const tag of typeof tags === "string" ? [tags] : tags) {
      this.store.refreshedTags.set(tag, count);
    }
  }

  /** Nothing is kept per request. */
  resetRequestCache() {}
}

/**
 * Figures for tests and diagnostics: entry count and counted bytes of this process's cache.
 * @returns {{ entries: number, bytes: number, maxBytes: number }}
 */
export function cacheFigures() {
  const { entries, bytes, maxBytes } = store();
  return { entries: entries.size, bytes, maxBytes };
}
