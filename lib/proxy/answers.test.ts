import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, refuseMethod } from "./answers";

const post = (headers: Record<string, string>) =>
  new NextRequest("http://herald.test/newsroom/stories/7", { method: "POST", headers });

describe("refuseMethod", () => {
  it("lets a Server Action post through up to Next.js's body limit and answers 413 above it", () => {
    const action = { "next-action": "abc123" };
    expect(refuseMethod(post({ ...action, "content-length": "1000" }))).toBeNull();
    expect(
      refuseMethod(post({ ...action, "content-length": String(ACTION_BODY_LIMIT) })),
    ).toBeNull();
    const refused = refuseMethod(
      post({ ...action, "content-length": String(ACTION_BODY_LIMIT + 1) }),
    );
    expect(refused?.status).toBe(413);
    expect(refused?.headers.get("cache-control")).toBe("no-store");
    // A post to a page that is no Server Action is still a 405, whatever its size.
    expect(refuseMethod(post({ "content-length": "10" }))?.status).toBe(405);
  });
});
