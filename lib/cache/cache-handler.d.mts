/** Types of cache-handler.mjs (plain JavaScript, loaded by Next.js at run time). */
import type MemoryCacheHandler from "./memory-cache-handler.mjs";
import type RedisCacheHandler from "./redis-cache-handler.mjs";
export function cacheKind(): "redis" | "memory";
export default class CacheHandler {
  constructor(options?: unknown);
  handler: MemoryCacheHandler | RedisCacheHandler;
  get: MemoryCacheHandler["get"];
  set: MemoryCacheHandler["set"];
  revalidateTag: MemoryCacheHandler["revalidateTag"];
  resetRequestCache(): void;
}
