import { RedisLink } from "../cache/redis-link.mjs";
import { readConfig } from "../config";
import { REPEAT_VIEW_WINDOW_MS } from "../news/store";
import { RateLimiter } from "./rate-limit";
import { LIMIT_MESSAGES, SharedRateLimiter } from "./shared-rate-limit";

/**
 * The rate limits of POST /api/views, per client address (lib/page-views/client-address.ts),
 * shared by every instance in Redis with HERALD_REDIS_URL (shared-rate-limit.ts, decision 043),
 * else in this process's memory:
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

/**
 * One rate limit as POST /api/views uses it: RateLimiter (memory, answers at once) or
 * SharedRateLimiter (Redis, answers within its 500 ms).
 */
export type ViewLimiter = {
  take(key: string, now: number): number | Promise<number>;
  refund(key: string, now: number): void | Promise<void>;
};

/** The three limiters of POST /api/views. */
export type ViewLimiters = Record<keyof typeof VIEW_LIMITS, ViewLimiter>;

/** A fresh set of the limiters of VIEW_LIMITS in this process's memory (tests make their own). */
export function createViewLimiters(maxKeys = MAX_KEYS): ViewLimiters {
  return {
    newReaders: new RateLimiter({ ...VIEW_LIMITS.newReaders, maxKeys }),
    posts: new RateLimiter({ ...VIEW_LIMITS.posts, maxKeys }),
    storyViews: new RateLimiter({ ...VIEW_LIMITS.storyViews, maxKeys }),
  };
}

/**
 * The limiters of VIEW_LIMITS shared through the Redis at `url`, on one connection of their own
 * (`link`, made when not given), under `herald:<scope>:view-limit:<limit>:`; each falls back to
 * its own limiter in memory when Redis fails (SharedRateLimiter).
 */
export function createSharedViewLimiters(options: {
  url: string;
  scope: string;
  link?: RedisLink;
  maxKeys?: number;
}): ViewLimiters {
  const link = options.link ?? new RedisLink(options.url, { messages: LIMIT_MESSAGES });
  const local = createViewLimiters(options.maxKeys) as Record<
    keyof typeof VIEW_LIMITS,
    RateLimiter
  >;
  const shared = (name: keyof typeof VIEW_LIMITS) =>
    new SharedRateLimiter({
      link,
      prefix: `herald:${options.scope}:view-limit:${name}:`,
      ...VIEW_LIMITS[name],
      local: local[name],
    });
  return {
    newReaders: shared("newReaders"),
    posts: shared("posts"),
    storyViews: shared("storyViews"),
  };
}

/**
 * The server's limiters, as configured: shared in Redis when HERALD_REDIS_URL is set (keys scoped
 * by HERALD_DEPLOYMENT_ID, which the start check requires with it), in memory otherwise. Called
 * on the first view report, never at build.
 */
export function configuredViewLimiters(): ViewLimiters {
  const { redisUrl, deploymentId } = readConfig();
  return redisUrl
    ? createSharedViewLimiters({ url: redisUrl, scope: deploymentId ?? "unknown" })
    : createViewLimiters();
}
