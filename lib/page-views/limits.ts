import { REPEAT_VIEW_WINDOW_MS } from "../news/store";
import { RateLimiter } from "./rate-limit";

/**
 * The rate limits of POST /api/views, per client address (lib/page-views/client-address.ts), in
 * this process's memory:
 * - `newReaders`: reader cookies handed out, 20 per address per minute;
 * - `posts`: views from a known reader that reach the database, 60 per address per minute;
 * - `storyViews`: views counted per address and story, 3 at once then one per 10 minutes (so
 *   readers behind one NAT still count, but one client adds at most about 150 views a day to a
 *   story, whatever it posts). A view that is not counted (a repeat) gives its token back.
 */
export const VIEW_LIMITS = {
  newReaders: { capacity: 20, windowMs: 60_000 },
  posts: { capacity: 60, windowMs: 60_000 },
  storyViews: { capacity: 3, windowMs: REPEAT_VIEW_WINDOW_MS },
} as const;

/** Keys kept per limit: about 100 bytes each, so a few megabytes at most. */
const MAX_KEYS = 20_000;

/** The three limiters of POST /api/views. */
export type ViewLimiters = Record<keyof typeof VIEW_LIMITS, RateLimiter>;

/** A fresh set of the limiters of VIEW_LIMITS (the server keeps one; tests make their own). */
export function createViewLimiters(maxKeys = MAX_KEYS): ViewLimiters {
  return {
    newReaders: new RateLimiter({ ...VIEW_LIMITS.newReaders, maxKeys }),
    posts: new RateLimiter({ ...VIEW_LIMITS.posts, maxKeys }),
    storyViews: new RateLimiter({ ...VIEW_LIMITS.storyViews, maxKeys }),
  };
}
