/** Types of redis-cache-handler.mjs (plain JavaScript, loaded by Next.js at run time). */
export const MAX_TTL_SECONDS: number;
export const WATCH_MS: number;
export function keyScope(serverDistDir: string | undefined): string;
export function ttlSeconds(data: unknown, ctx: unknown): number;
export class SharedCache {
  constructor(url: string, scope: string);
  close(): Promise<void>;
}
export function sharedCache(serverDistDir: string | undefined): SharedCache;
export function closeSharedCache(): Promise<void>;
export default class RedisCacheHandler {
  constructor(options?: { serverDistDir?: string; shared?: SharedCache });
  get(
    key: string,
    ctx?: { kind?: string; tags?: string[]; softTags?: string[] },
  ): Promise<{ value: unknown; lastModified: number; cacheControl?: unknown } | null>;
  set(key: string, data: unknown, ctx?: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
