import { expect, test } from "@playwright/test";
import { seedArticleRef } from "./support/content";

test.describe("security headers", () => {
  for (const [name, path] of [
    ["the home page", () => "/"],
    ["an article", () => seedArticleRef().path],
  ] as const) {
    test(`are sent with ${name}`, async ({ request }) => {
      const response = await request.get(path());
      expect(response.status()).toBe(200);
      const headers = response.headers();
      expect(headers["x-powered-by"]).toBeUndefined();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toMatch(
        /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin|origin|origin-when-cross-origin)$/,
      );
      const xfo = headers["x-frame-options"];
      const csp = headers["content-security-policy"] ?? "";
      expect(
        xfo === "DENY" || /(^|;)\s*frame-ancestors\s+('none'|'self')/.test(csp),
        `X-Frame-Options: ${xfo}; Content-Security-Policy: ${csp}`,
      ).toBe(true);
      expect(headers["permissions-policy"] ?? "").not.toBe("");
    });
  }
});
