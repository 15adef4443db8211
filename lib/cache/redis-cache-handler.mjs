// @ts-check
/**
 * Herald's page and data cache shared by every instance, in Redis (HERALD_REDIS_URL; decision
 * 034; cache-handler.mjs picks it). Every instance serves the same copy, and a tag refresh on one
 * (a publication, a withdrawal, an import) expires the tagged entries for all of them.
 *
 * It keeps decision 029's rules across instances:
 * - Nothing from the build is ever served (Next.js asks a custom handler only for what it stored).
 * - An entry is as old as the read that began its render, timed by Redis's own clock (TIME, in
 *   microseconds, inside the scripts below), and a tag's refresh is timed by the same clock: an
 *   entry whose render began before the last refresh of one of its tags is a miss, and storing it
 *   is refused, in one atomic script, so a page rendered from data read before a withdrawal is
 *   never served, whichever instance rendered it.
 * - Keys are scoped by HERALD_DEPLOYMENT_ID (or the build's id), so two builds never share entries.
 * - Entries expire (their own expire time, at most MAX_TTL_SECONDS); Redis's `maxmemory` with
 *   `volatile-lru` bounds the whole (docs/caching.md): the refresh times, which have no TTL, are
 *   never evicted.
 *
 * Redis can never fail a page (redis-link.mjs): a read that fails is a miss (the page renders from
 * the database), a write that fails is dropped, and a refresh made while Redis is unreachable is
 * kept, counted as done on this instance at once, and replayed when Redis answers, so a
 * withdrawal is never lost. Once a second each instance reads the refresh times (the "watch"),
 * and on seeing another instance's refresh drops its memo of story states (lib/news/states.ts).
 */
import fs from "node:fs";
import path from "node:path";
import {
  forgetNextLifetimes,
  noteSharedRefresh,
  ReadStamps,
  registerPageIndex,
  tagsOf,
  tagsToCheck,
} from "./cache-rules.mjs";
import { decodeEntry, encodeEntry } from "./entry-codec.mjs";
import { FAILED, RedisLink } from "./redis-link.mjs";
import { GET, REFRESH, SET } from "./redis-scripts.mjs";

/** The longest an entry is kept, whatever its own lifetime: a day. */
export const MAX_TTL_SECONDS = 24 * 60 * 60;

/** How often each instance reads the refresh times of other instances (ms). */
export const WATCH_MS = 1_000;

/** Pages this instance remembers having stored or read, for the proxy's outage check. */
const MAX_INDEXED = 10_000;

/**
 * The key scope: HERALD_DEPLOYMENT_ID, else the build's id (`BUILD_ID` beside the server folder
 * Next.js names), else "unknown".
 * @param {string | undefined} serverDistDir
 * @returns {string}
 */
export function keyScope(serverDistDir) {
  const configured = process.env.HERALD_DEPLOYMENT_ID;
  if (configured) return configured;
  try {
    if (serverDistDir)
      return fs.readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    // no build folder (tests)
  }
  return "unknown";
}

/**
 * Seconds to keep an entry: its expire time (pages and routes), else its revalidate time plus
 * the site's five minutes of staleness (data), at least 1 and at most MAX_TTL_SECONDS.
 * @param {any} data
 * @param {any} ctx
 * @returns {number}
 */
export function ttlSeconds(data, ctx) {
  const expire = Number(ctx?.cacheControl?.expire);
  const revalidate = Number(data?.revalidate ?? ctx?.revalidate);
  const wanted =
    Number.isFinite(expire) && expire > 0
      ? expire
      : Number.isFinite(revalidate) && revalidate > 0
        ? revalidate + 300
        : MAX_TTL_SECONDS;
  return Math.max(1, Math.min(MAX_TTL_SECONDS, Math.ceil(wanted)));
}

/**
 * The shared state of one process: the connection, refresh times seen, refreshes to replay.
 * One per process (sharedCache); tests make more to play several instances.
 */
export class SharedCache {
  /** @param {string} url @param {string} scope */
  constructor(url, scope) {
    this.prefix = `herald:${scope}:`;
    this.tagsKey = `${this.prefix}tags`;
    this.link = new RedisLink(url, { onRecovered: () => void this.replay() });
    this.reads = new ReadStamps();
    /** @type {Map<string, number>} each tag's last refresh time (Redis µs) this process knows */
    this.refreshed = new Map();
    /** @type {Set<string>} tags refreshed here while Redis did not answer: not yet in Redis */
    this.queued = new Set();
    /** @type {Map<string, import("./cache-rules.mjs").PageFacts>} */
    this.pages = new Map();
    registerPageIndex({ entries: this.pages, expired: (tags, born) => this.expired(tags, born) });
    this.watch = setInterval(() => void this.readRefreshes(), WATCH_MS);
    this.watch.unref();
  }

  /** Stops the watch and closes the connection. */
  async close() {
    clearInterval(this.watch);
    await this.link.close();
  }

  /** Whether, as far as this process knows, a tag in `tags` was refreshed after `born`. @param {string[]} tags @param {number} born */
  expired(tags, born) {
    return tags.some((tag) => this.queued.has(tag) || (this.refreshed.get(tag) ?? 0) > born);
  }

  /**
   * Remembers what the proxy's outage check needs of page `key`, stored or read here (the most
   * recent MAX_INDEXED pages). Other kinds of entries are not remembered.
   * @param {string} key
   * @param {import("./cache-rules.mjs").PageFacts} facts
   */
  remember(key, facts) {
    if (!key.startsWith("/route-cache/APP_PAGE/")) return;
    this.pages.delete(key);
    this.pages.set(key, facts);
    if (this.pages.size > MAX_INDEXED) this.pages.delete(this.pages.keys().next().value ?? "");
  }

  /** Reads every tag's refresh time; a newer one than known counts as another instance's refresh. */
  async readRefreshes() {
    const reply = await this.link.send(["HGETALL", this.tagsKey]);
    if (reply === FAILED || !Array.isArray(reply)) return;
    let changed = false;
    for (let i = 0; i + 1 < reply.length; i += 2) {
      const [tag, time] = [String(reply[i]), Number(reply[i + 1])];
      if (time > (this.refreshed.get(tag) ?? 0)) {
        this.refreshed.set(tag, time);
        changed = true;
      }
    }
    if (changed) noteSharedRefresh();
  }

  /**
   * Notes `tags` as refreshed in Redis; while Redis does not answer they stay queued (and count
   * as refreshed here) until replay() succeeds.
   * @param {string[]} tags
   */
  async refresh(tags) {
    for (const tag of tags) this.queued.add(tag);
    await this.replay();
  }

  /** Sends the queued refreshes to Redis; they stay queued when it does not answer. */
  async replay() {
    const tags = [...this.queued];
    if (tags.length === 0) return;
    const now = await this.link.send(["EVAL", REFRESH, "1", this.tagsKey, ...tags]);
    if (now === FAILED) return;
    for (const tag of tags) {
      this.queued.delete(tag);
      this.refreshed.set(tag, Math.max(this.refreshed.get(tag) ?? 0, Number(now)));
    }
  }
}

/** One SharedCache per process, on globalThis: Next.js may load this module more than once. */
const holder = /** @type {typeof globalThis & { __heraldRedisCache?: SharedCache }} */ (globalThis);

/**
 * The process's shared cache, created on first use for HERALD_REDIS_URL.
 * @param {string | undefined} serverDistDir
 * @returns {SharedCache}
 */
export function sharedCache(serverDistDir) {
  if (!holder.__heraldRedisCache) {
    const url = process.env.HERALD_REDIS_URL;
    if (!url) throw new Error("HERALD_REDIS_URL is not set");
    holder.__heraldRedisCache = new SharedCache(url, keyScope(serverDistDir));
  }
  return holder.__heraldRedisCache;
}

/** Closes this process's connection and forgets its state (tests). */
export async function closeSharedCache() {
  const cache = holder.__heraldRedisCache;
  holder.__heraldRedisCache = undefined;
  await cache?.close();
}

export default class RedisCacheHandler {
  /**
   * Next.js constructs one per request; all share the process's connection.
   * @param {{ serverDistDir?: string, shared?: SharedCache }} [options] `shared`: tests only
   */
  constructor(options) {
    this.shared = options?.shared ?? sharedCache(options?.serverDistDir);
  }

  /**
   * The entry stored under `key`, or null when there is none, a tag it depends on was refreshed
   * after its render began, or Redis does not answer within its limit.
   * @param {string} key
   * @param {any} [ctx] Next.js's context: `kind`, and for data entries `tags`/`softTags`
   */
  async get(key, ctx) {
    const { shared } = this;
    const own = tagsToCheck([], ctx).join("\n");
    const reply = await shared.link.send([
      "EVAL",
      GET,
      "2",
      shared.prefix + key,
      shared.tagsKey,
      own,
    ]);
    if (reply === FAILED) return null; // no stamp: a render now counts as older than any refresh
    const [now, text, tagList, bornText] = /** @type {string[]} */ (reply);
    const tags = tagList ? tagList.split("\n") : [];
    const born = Number(bornText);
    const hit = text !== undefined && !shared.expired(tagsToCheck(tags, ctx), born);
    shared.reads.note(key, Number(now) - 1, hit);
    if (!hit) return null;
    try {
      const entry = decodeEntry(text);
      shared.remember(key, {
        tags,
        born,
        lastModified: entry.lastModified,
        cacheControl: entry.cacheControl,
      });
      return entry;
    } catch {
      return null; // written by another version: render afresh
    }
  }

  /**
   * Stores `data` under `key` (null data removes the entry) for ttlSeconds, unless a tag it
   * depends on was refreshed after its render began; dropped when Redis does not answer.
   * @param {string} key
   * @param {any} data
   * @param {any} [ctx] `tags` for data entries; `cacheControl` for pages and routes
   */
  async set(key, data, ctx) {
    const { shared } = this;
    forgetNextLifetimes();
    if (data == null) {
      await shared.link.send(["DEL", shared.prefix + key]);
      return;
    }
    const tags = tagsOf(data, ctx);
    const born = shared.reads.take(key) ?? 0; // unknown counts as older than every refresh
    if (shared.expired(tags, born)) return;
    const entry = {
      value: data,
      lastModified: Date.now(),
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
    };
    const stored = await shared.link.send([
      "EVAL",
      SET,
      "2",
      shared.prefix + key,
      shared.tagsKey,
      encodeEntry(entry),
      tags.join("\n"),
      String(born),
      String(ttlSeconds(data, ctx)),
    ]);
    if (stored === 1)
      shared.remember(key, {
        tags,
        born,
        lastModified: entry.lastModified,
        cacheControl: entry.cacheControl,
      });
  }

  /**
   * Expires, on every instance, every entry carrying any of `tags` (Herald refreshes with
   * `expire: 0` only, lib/news/refresh.ts). Never throws; while Redis is unreachable the refresh
   * holds on this instance and is replayed when Redis answers.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    await this.shared.refresh(typeof tags === "string" ? [tags] : [...tags]);
  }

  /** Nothing is kept per request. */
  resetRequestCache() {}
}
