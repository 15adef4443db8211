// @ts-check
/**
 * The page and data cache Next.js uses (next.config.js `cacheHandler`): the shared Redis cache
 * when HERALD_REDIS_URL is set as the server starts (several instances, decision 034), this
 * process's memory otherwise (one instance, decision 029). Both keep the same rules
 * (cache-rules.mjs); the choice is made once per process.
 */
import MemoryCacheHandler from "./memory-cache-handler.mjs";
import RedisCacheHandler from "./redis-cache-handler.mjs";

const holder = /** @type {typeof globalThis & { __heraldCacheKind?: "redis" | "memory" }} */ (
  globalThis
);

/** Which cache this process uses: "redis" when HERALD_REDIS_URL was set at its first use. */
export function cacheKind() {
  holder.__heraldCacheKind ??= process.env.HERALD_REDIS_URL ? "redis" : "memory";
  return holder.__heraldCacheKind;
}

export default class CacheHandler {
  /**
   * Next.js constructs one per request, with its options (`serverDistDir` names the build).
   * @param {any} [options]
   */
  constructor(options) {
    this.handler =
      cacheKind() === "redis" ? new RedisCacheHandler(options) : new MemoryCacheHandler();
  }

  /** See MemoryCacheHandler.get / RedisCacheHandler.get. @param {string} key @param {any} [ctx] */
  get(key, ctx) {
    return this.handler.get(key, ctx);
  }

  /** See MemoryCacheHandler.set / RedisCacheHandler.set. @param {string} key @param {any} data @param {any} [ctx] */
  set(key, data, ctx) {
    return this.handler.set(key, data, ctx);
  }

  /** Expires every entry with one of `tags`. @param {string | string[]} tags */
  revalidateTag(tags) {
    return this.handler.revalidateTag(tags);
  }

  /** Nothing is kept per request. */
  resetRequestCache() {}
}
