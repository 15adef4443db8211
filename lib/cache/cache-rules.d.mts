/** Types of cache-rules.mjs (plain JavaScript, loaded by Next.js at run time). */
export const TAGS_HEADER: string;
export const MAX_REMEMBERED_LIFETIMES: number;
export function tagsOf(value: unknown, ctx: unknown): string[];
export function tagsToCheck(stored: string[], ctx: unknown): string[];
export type PageFacts = {
  tags: string[];
  born: number;
  lastModified: number;
  cacheControl?: unknown;
};
export type PageIndex = {
  entries: Map<string, PageFacts>;
  expired: (tags: string[], born: number) => boolean;
};
export const STAMP_MAX_AGE_MS: number;
export class ReadStamps {
  constructor(limit?: number, maxAgeMs?: number);
  note(key: string, stamp: number, hit: boolean, now?: number): void;
  take(key: string): number | undefined;
}
export function registerPageIndex(index: PageIndex): void;
export function isPageCached(pathname: string, now?: number): boolean;
export function forgetNextLifetimes(limit?: number): void;
export function noteSharedRefresh(): void;
export function sharedRefreshCount(): number;
