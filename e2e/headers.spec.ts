import { expect, test } from "@playwright/test";
import { seedArticleRef } from "./support/content";

test.describe("security headers", () => {
  for (const [name, path, status] of [
    ["the home page", () => "/", 200],
    ["an article", () => seedArticleRef().path, 200],
    ["a 404", () => "/no-such-section", 404],
    ["a canonical redirect", () => "/National", 308],
    ["a feed", () => "/rss.xml", 200],
    ["a refused method", () => "/national", 405],
  ] as const) {
    test(`are sent with ${name}`, async ({ request }) => {
      const response = await request.fetch(path(), {
        method: status === 405 ? "PUT" : "GET",
        maxRedirects: 0,
      });
      expect(response.status()).toBe(status);
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
