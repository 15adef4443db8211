import { describe, expect, it } from "vitest";
import { combineRuns, type LoadResult } from "./http-load";

const run = (requestsPerSecond: number, p99: number, errors = 0, non2xx = 0): LoadResult => ({
  name: "article",
  path: "/article/1/a",
  requestsPerSecond,
  runs: [requestsPerSecond],
  p50: p99 / 3,
  p99,
  errors,
  non2xx,
  ratioToStatic: null,
});

describe("combineRuns", () => {
  it("reports the median run's rate and latencies, whatever the order the runs came in", () => {
    for (const order of [
      [run(739, 35), run(812, 27), run(848, 25)],
      [run(848, 25), run(739, 35), run(812, 27)],
      [run(812, 27), run(848, 25), run(739, 35)],
    ]) {
      const combined = combineRuns(order);
      expect(combined.requestsPerSecond).toBe(812);
      expect(combined.p99).toBe(27);
      expect(combined.p50).toBe(9);
      expect(combined.runs).toEqual(order.map((r) => r.requestsPerSecond));
    }
  });

  it("takes the slower of the middle two of an even count", () => {
    expect(
      combineRuns([run(900, 20), run(700, 30), run(800, 25), run(600, 40)]).requestsPerSecond,
    ).toBe(700);
  });

  it("adds up the errors and non-2xx answers of every run, not only the median's", () => {
    const combined = combineRuns([run(800, 20, 0, 0), run(790, 21, 2, 0), run(810, 19, 0, 5)]);
    expect(combined.requestsPerSecond).toBe(800);
    expect(combined.errors).toBe(2);
    expect(combined.non2xx).toBe(5);
  });

  it("refuses an empty list", () => {
    expect(() => combineRuns([])).toThrow(/at least one run/);
  });
});
