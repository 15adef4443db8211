import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

const MINUTE = 60_000;

describe("RateLimiter", () => {
  it("lets `capacity` through at once, then one per window/capacity, and says how long to wait", () => {
    const limiter = new RateLimiter({ capacity: 3, windowMs: 3 * MINUTE, maxKeys: 10 });
    expect([0, 0, 0].map(() => limiter.take("a", 0))).toEqual([0, 0, 0]);
    expect(limiter.take("a", 0)).toBe(MINUTE);
    expect(limiter.take("a", 40_000)).toBe(20_000);
    expect(limiter.take("a", MINUTE)).toBe(0);
    expect(limiter.take("a", MINUTE)).toBe(MINUTE);
    // Refilled to capacity, never beyond it.
    expect([0, 0, 0, 0].map(() => limiter.take("a", 100 * MINUTE))).toEqual([0, 0, 0, MINUTE]);
  });

  it("limits each key on its own", () => {
    const limiter = new RateLimiter({ capacity: 1, windowMs: MINUTE, maxKeys: 10 });
    expect(limiter.take("a", 0)).toBe(0);
    expect(limiter.take("a", 0)).toBeGreaterThan(0);
    expect(limiter.take("b", 0)).toBe(0);
  });

  it("gives a refunded token back, up to capacity", () => {
    const limiter = new RateLimiter({ capacity: 2, windowMs: MINUTE, maxKeys: 10 });
    expect(limiter.take("a", 0)).toBe(0);
    expect(limiter.take("a", 0)).toBe(0);
    limiter.refund("a", 0);
    expect(limiter.take("a", 0)).toBe(0);
    expect(limiter.take("a", 0)).toBeGreaterThan(0);
    limiter.refund("b", 0);
    limiter.refund("b", 0);
    expect([0, 0, 0].map(() => limiter.take("b", 0))).toEqual([0, 0, 30_000]);
  });

  it("keeps at most maxKeys keys, dropping the least recently used", () => {
    const limiter = new RateLimiter({ capacity: 1, windowMs: MINUTE, maxKeys: 1_000 });
    for (let i = 0; i < 100_000; i++) limiter.take(`client-${i}`, 0);
    expect(limiter.size).toBe(1_000);
    // The most recent keys are still limited; the oldest start afresh.
    expect(limiter.take("client-99999", 0)).toBeGreaterThan(0);
    expect(limiter.take("client-0", 0)).toBe(0);
  });
});
