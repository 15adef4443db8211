import { describe, expect, it } from "vitest";
import { compressFromEnv } from "./compress.mjs";

describe("HERALD_COMPRESS", () => {
  it("compresses by default and with 1; not with 0 (behind nginx)", () => {
    expect(compressFromEnv({})).toBe(true);
    expect(compressFromEnv({ HERALD_COMPRESS: "" })).toBe(true);
    expect(compressFromEnv({ HERALD_COMPRESS: "1" })).toBe(true);
    expect(compressFromEnv({ HERALD_COMPRESS: "0" })).toBe(false);
  });

  it.each(["false", "no", "2", " 0"])("refuses %j, naming the variable", (value) => {
    expect(() => compressFromEnv({ HERALD_COMPRESS: value })).toThrow(
      /^HERALD_COMPRESS must be 0 .* or 1, not "/,
    );
  });
});
