/** Types of memory-cache-handler.mjs (plain JavaScript, loaded by Next.js at run time). */
export const DEFAULT_CACHE_MB: number;
export function cacheBytes(setting: string | undefined): number;
export function sizeOf(value: unknown): number;
export const MAX_REMEMBERED_LIFETIMES: number;
export function forgetNextLifetimes(limit?: number): void;
export function isPageCached(pathname: string, now?: number): boolean;
export function cacheFigures(): { entries: number; bytes: number; maxBytes: number };
export default class MemoryCacheHandler {
  get(
    key: string,
    ctx?: { kind?: string; tags?: string[]; softTags?: string[] },
  ): Promise<{ value: unknown; lastModified: number; cacheControl?: unknown } | null>;
  set(key: string, data: unknown, ctx?: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
