import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { NEWSROOM_PATH_HEADER } from "../newsroom/auth/paths";
import { isNewsroomPath, newsroomProxy } from "./newsroom";

const SITE = "http://herald.test";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(new URL(path, SITE), {
    method: init.method ?? "GET",
    headers: { host: "herald.test", ...init.headers },
  });
}

describe("the proxy's newsroom part", () => {
  it("knows the newsroom's paths and no others", () => {
    expect(isNewsroomPath("/newsroom")).toBe(true);
    expect(isNewsroomPath("/newsroom/accounts")).toBe(true);
    expect(isNewsroomPath("/newsroomx")).toBe(false);
    expect(isNewsroomPath("/national/newsroom")).toBe(false);
  });

  it("sends a request without a session cookie to sign-in with where it was going, uncached", () => {
    const response = newsroomProxy(request("/newsroom/audit?action=sign-in"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `${SITE}/newsroom/sign-in?next=%2Fnewsroom%2Faudit%3Faction%3Dsign-in`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("lets the sign-in page and requests with a session cookie through, telling the page its path", () => {
    expect(newsroomProxy(request("/newsroom/sign-in")).headers.get("location")).toBeNull();
    const through = newsroomProxy(
      request("/newsroom", {
        headers: { cookie: "herald.session_token=abc", [NEWSROOM_PATH_HEADER]: "https://evil" },
      }),
    );
    expect(through.status).toBe(200);
    expect(through.headers.get("x-middleware-request-" + NEWSROOM_PATH_HEADER)).toBe("/newsroom");
    expect(through.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a POST from another site, or with no origin at all, and allows its own", () => {
    const post = (origin?: string) =>
      newsroomProxy(
        request("/newsroom/sign-in", {
          method: "POST",
          headers: origin ? { origin } : {},
        }),
      ).status;
    expect(post("https://evil.example")).toBe(403);
    expect(post("null")).toBe(403);
    expect(post()).toBe(403);
    expect(post(SITE)).toBe(200);
  });
});
