import { describe, expect, it } from "vitest";
import { benchOptions, benchPort } from "./options";
import { spreadIds } from "./uncached";

describe("benchOptions", () => {
  it("times both stores by default, and one when asked", () => {
    expect(benchOptions([]).backends).toEqual(["sqlite", "postgres"]);
    expect(benchOptions(["--backend", "sqlite"]).backends).toEqual(["sqlite"]);
    const pg = benchOptions(["--backend", "postgres"]);
    expect(pg.backends).toEqual(["postgres"]);
    expect(pg.postgresRequired).toBe(true);
  });

  it("refuses an unknown backend and a count that is not a positive whole number", () => {
    expect(() => benchOptions(["--backend", "mysql"])).toThrow(/--backend/);
    expect(() => benchOptions(["--articles", "-5"])).toThrow(/--articles/);
    expect(() => benchOptions(["--uncached", "1.5"])).toThrow(/--uncached/);
  });

  it("turns sections off by their --no- options", () => {
    const o = benchOptions(["--no-lighthouse", "--no-nginx", "--no-cluster"]);
    expect(o.lighthouseRuns).toBe(0);
    expect(o.nginx).toBe(false);
    expect(o.cluster).toBe(false);
    expect(benchOptions(["--nginx"]).nginx).toBe(true);
  });
});

describe("benchPort", () => {
  it("is 3300 unless HERALD_BENCH_PORT says otherwise, and refuses a bad port", () => {
    expect(benchPort({})).toBe(3300);
    expect(benchPort({ HERALD_BENCH_PORT: "4400" })).toBe(4400);
    expect(() => benchPort({ HERALD_BENCH_PORT: "80" })).toThrow(/HERALD_BENCH_PORT/);
    expect(() => benchPort({ HERALD_BENCH_PORT: "x" })).toThrow();
  });
});

describe("spreadIds", () => {
  it("spreads ids evenly over the range, without those to skip", () => {
    expect(spreadIds(101, 200, 4)).toEqual([101, 126, 151, 176]);
    expect(spreadIds(101, 200, 4, [126])).toEqual([101, 151, 176]);
    expect(spreadIds(1, 3, 10)).toEqual([1, 2, 3]);
  });
});
