import { describe, expect, it } from "vitest";
import { ReadStamps, STAMP_MAX_AGE_MS } from "./cache-rules.mjs";

/** The stamps the caches date their renders by; the wall clock is the test's. */
const T0 = Date.parse("2024-06-01T12:00:00.000Z");

describe("ReadStamps", () => {
  it("a miss keeps the earlier miss's stamp while its render may still run", () => {
    const reads = new ReadStamps();
    reads.note("/a", 1, false, T0);
    reads.note("/a", 5, false, T0 + STAMP_MAX_AGE_MS - 1);
    expect(reads.take("/a")).toBe(1);
    expect(reads.take("/a")).toBeUndefined(); // forgotten once taken
  });

  it("a miss replaces a stamp older than STAMP_MAX_AGE_MS (a render that never stored)", () => {
    const reads = new ReadStamps();
    reads.note("/a", 1, false, T0);
    reads.note("/a", 5, false, T0 + STAMP_MAX_AGE_MS);
    expect(reads.take("/a")).toBe(5);
  });

  it("the replaced stamp is kept for the next STAMP_MAX_AGE_MS, not the first one's", () => {
    const reads = new ReadStamps();
    reads.note("/a", 1, false, T0);
    reads.note("/a", 5, false, T0 + STAMP_MAX_AGE_MS);
    reads.note("/a", 9, false, T0 + 2 * STAMP_MAX_AGE_MS - 1);
    expect(reads.take("/a")).toBe(5);
  });

  it("a hit always notes its own stamp", () => {
    const reads = new ReadStamps();
    reads.note("/a", 1, false, T0);
    reads.note("/a", 5, true, T0 + 1);
    expect(reads.take("/a")).toBe(5);
  });

  it("remembers at most `limit` keys, forgetting the oldest reads first", () => {
    const reads = new ReadStamps(2);
    reads.note("/a", 1, false, T0);
    reads.note("/b", 2, false, T0);
    reads.note("/c", 3, false, T0);
    expect(reads.take("/a")).toBeUndefined();
    expect(reads.take("/b")).toBe(2);
    expect(reads.take("/c")).toBe(3);
  });
});
