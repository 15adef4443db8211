/**
 * A rate limit in memory, by key (a client address, an address and a story): a token bucket per
 * key that holds at most `capacity` tokens and refills `capacity` tokens per `windowMs`, so a key
 * may spend `capacity` at once, then one per `windowMs / capacity`. At most `maxKeys` keys are
 * kept: the least recently used goes first, so memory stays bounded whatever the traffic (an
 * evicted key starts afresh, full). One process's limit: each server counts its own traffic.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: { capacity: number; windowMs: number; maxKeys: number }) {}

  /**
   * Spends one token of `key` at `now` (ms since the epoch). Returns 0 when one was spent;
   * otherwise nothing is spent and it returns the milliseconds until a token is available.
   */
  take(key: string, now: number): number {
    const bucket = this.refilled(key, now);
    if (bucket.tokens < 1) {
      this.keep(key, bucket);
      const wait = ((1 - bucket.tokens) * this.options.windowMs) / this.options.capacity;
      // Less a hair, so floating-point dust never adds a millisecond; never 0 ("spent").
      return Math.max(1, Math.ceil(wait - 1e-6));
    }
    this.keep(key, { tokens: bucket.tokens - 1, at: now });
    return 0;
  }

  /** Gives back a token spent for `key` (the request turned out not to count). */
  refund(key: string, now: number): void {
    const bucket = this.refilled(key, now);
    this.keep(key, { tokens: Math.min(this.options.capacity, bucket.tokens + 1), at: now });
  }

  /** How many keys are kept now. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): { tokens: number; at: number } {
    const { capacity, windowMs } = this.options;
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: capacity, at: now };
    const earned = (Math.max(0, now - bucket.at) * capacity) / windowMs;
    return { tokens: Math.min(capacity, bucket.tokens + earned), at: now };
  }

  private keep(key: string, bucket: { tokens: number; at: number }): void {
    this.buckets.delete(key);
    if (this.buckets.size >= this.options.maxKeys)
      this.buckets.delete(this.buckets.keys().next().value!);
    this.buckets.set(key, bucket);
  }
}
