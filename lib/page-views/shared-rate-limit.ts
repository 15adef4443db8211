import { FAILED, type RedisLink } from "../cache/redis-link.mjs";
import { RateLimiter } from "./rate-limit";

/**
 * One token bucket in Redis, refilled and spent (or refunded) atomically: the same arithmetic as
 * RateLimiter (rate-limit.ts), so every instance draws on one budget. A bucket is a hash
 * (`tokens`, `at` in ms) that expires `windowMs` after its last use: by then it would be full
 * again, so forgetting it changes nothing. KEYS: the bucket. ARGV: capacity, windowMs, now (ms),
 * "take" or "refund". Returns, as text, the milliseconds until a token is available (0 when one
 * was spent, or on a refund).
 */
export const BUCKET_SCRIPT = `
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local tokens = capacity
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
if bucket[1] and bucket[2] then
  local earned = math.max(0, now - tonumber(bucket[2])) * capacity / window
  tokens = math.min(capacity, tonumber(bucket[1]) + earned)
end
local wait = 0
if ARGV[4] == 'refund' then
  tokens = math.min(capacity, tokens + 1)
elseif tokens < 1 then
  wait = (1 - tokens) * window / capacity
else
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return string.format('%.17g', wait)`;

/** The two log lines of an outage of the shared limits (redis-link.mjs logs each once). */
export const LIMIT_MESSAGES = {
  down: (reason: string) =>
    `herald: the shared page-view limits (Redis) are unavailable (${reason}); each instance limits page views on its own until it answers`,
  up: (seconds: number) =>
    `herald: the shared page-view limits (Redis) answer again, after ${seconds} s`,
};

/**
 * A rate limit shared by every instance, in Redis (HERALD_REDIS_URL; docs/decisions/043-shared-page-view-limits.md): a token bucket
 * per key under `prefix` (`herald:<HERALD_DEPLOYMENT_ID>:view-limit:<limit>:`), with the same
 * capacity, window and answers as RateLimiter. Timed by the caller's clock (`now`), so instances
 * whose clocks differ by a second refill a bucket a second early or late; Redis only keeps it.
 *
 * Redis never fails or holds a request: a command that fails or takes longer than the cache's
 * 500 ms (redis-link.mjs) falls back, for that request, to `local`, this process's own limiter,
 * as with one instance. A refund that fails is given to `local` (the token taken in Redis stays
 * spent: one post the stricter). Never throws.
 */
export class SharedRateLimiter {
  constructor(
    private readonly options: {
      link: RedisLink;
      prefix: string;
      capacity: number;
      windowMs: number;
      local: RateLimiter;
    },
  ) {}

  /**
   * Spends one token of `key` at `now` (ms since the epoch). Resolves to 0 when one was spent;
   * otherwise nothing is spent and it resolves to the milliseconds until a token is available.
   */
  async take(key: string, now: number): Promise<number> {
    const reply = await this.send(key, now, "take");
    const wait = typeof reply === "string" ? Number(reply) : NaN; // FAILED, or not our script's
    if (!Number.isFinite(wait)) return this.options.local.take(key, now);
    // Less a hair, so floating-point dust never adds a millisecond; never 0 ("spent").
    return wait <= 0 ? 0 : Math.max(1, Math.ceil(wait - 1e-6));
  }

  /** Gives back a token spent for `key` (the request turned out not to count). */
  async refund(key: string, now: number): Promise<void> {
    if ((await this.send(key, now, "refund")) === FAILED) this.options.local.refund(key, now);
  }

  private send(key: string, now: number, op: "take" | "refund"): Promise<unknown> {
    const { link, prefix, capacity, windowMs } = this.options;
    return link.send([
      "EVAL",
      BUCKET_SCRIPT,
      "1",
      prefix + key,
      String(capacity),
      String(windowMs),
      String(Math.floor(now)),
      op,
    ]);
  }
}
