import { describe, expect, it } from "vitest";
import { readConfig } from "./config";
import { missingSharedSettings, requireSharedSettings } from "./shared-settings";

const SECRET = "s".repeat(32);
const ALL = {
  DRAFT_SECRET: SECRET,
  REVALIDATE_SECRET: SECRET,
  HERALD_VIEW_SECRET: SECRET,
  HERALD_AUTH_SECRET: SECRET,
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  HERALD_DEPLOYMENT_ID: "build-42",
};
const config = (env: Record<string, string>) => readConfig({ NODE_ENV: "test", ...env });

describe("settings several instances must share", () => {
  it("are not asked for with one instance", () => {
    expect(missingSharedSettings(config({}))).toEqual([]);
  });

  it("are all asked for with HERALD_REDIS_URL, in one line naming each missing one", () => {
    const redis = { HERALD_REDIS_URL: "redis://127.0.0.1:6390" };
    expect(missingSharedSettings(config({ ...redis, ...ALL }))).toEqual([]);
    expect(() => requireSharedSettings(config(redis))).toThrow(
      /^HERALD_REDIS_URL is set, .* DRAFT_SECRET, REVALIDATE_SECRET, HERALD_VIEW_SECRET, HERALD_AUTH_SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, HERALD_DEPLOYMENT_ID in its environment/,
    );
    expect(missingSharedSettings(config({ ...redis, ...ALL, HERALD_VIEW_SECRET: "" }))).toEqual([
      "HERALD_VIEW_SECRET",
    ]);
  });

  it("are validated when given", () => {
    expect(() => config({ HERALD_REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/redis:\/\//);
    expect(() => config({ HERALD_VIEW_SECRET: "short" })).toThrow(/32 characters/);
    expect(() => config({ HERALD_DEPLOYMENT_ID: "a b" })).toThrow(/HERALD_DEPLOYMENT_ID/);
    expect(() => config({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "abc" })).toThrow(/16, 24 or 32/);
    expect(config({ HERALD_VIEW_SECRET: SECRET }).viewSecret).toBe(SECRET);
  });
});
