import { expect, test } from "@playwright/test";
import { articleByExternalId, seedArticleRef } from "./support/content";
import { expectCompleteErrorPage, rawGet } from "./support/error-pages";
import { WITHDRAWN_ID } from "./support/fixtures";

/**
 * The error pages are pages of the site, complete without JavaScript: a reader (or a crawler)
 * who lands on a dead link gets the masthead, a message, the way on and one `noindex`, with the
 * right status (docs/decisions/032-error-pages.md). The 500 and 503 pages are checked where a
 * failure is made, e2e/clock/restart.spec.ts.
 */
test.use({ javaScriptEnabled: false });

const NOT_FOUND = "Page not found";
const national = { name: "National", path: "/national" };

const CASES: Array<{
  name: string;
  path: () => string;
  status: number;
  heading: string;
  section?: { name: string; path: string };
}> = [
  { name: "a path no route answers", path: () => "/no-such-page", status: 404, heading: NOT_FOUND },
  {
    name: "a deep unknown path",
    path: () => "/no/such/page/at/all",
    status: 404,
    heading: NOT_FOUND,
  },
  { name: "an unknown article", path: () => "/article/99999/x", status: 404, heading: NOT_FOUND },
  { name: "a malformed article id", path: () => "/article/abc", status: 404, heading: NOT_FOUND },
  {
    name: "an unknown subsection",
    path: () => "/national/nonexistent-sub",
    status: 404,
    heading: NOT_FOUND,
    section: national,
  },
  {
    name: "a malformed page of a front",
    path: () => "/national/before/abc",
    status: 404,
    heading: NOT_FOUND,
    section: national,
  },
  {
    name: "a page of a front that starts at another front's story",
    path: () => `/opinion/editorial/before/${seedArticleRef().id}`,
    status: 404,
    heading: NOT_FOUND,
    section: { name: "Editorial", path: "/opinion/editorial" },
  },
  {
    name: "an older page under no section (a page's own notFound(), which the proxy cannot see)",
    path: () => "/x/before/5",
    status: 404,
    heading: NOT_FOUND,
  },
  { name: "an unknown author", path: () => "/author/nobody-here", status: 404, heading: NOT_FOUND },
  { name: "an unknown tag", path: () => "/tag/no-such-tag", status: 404, heading: NOT_FOUND },
  {
    name: "a malformed search page",
    path: () => "/search?page=abc",
    status: 404,
    heading: NOT_FOUND,
  },
  {
    name: "an unknown article of the earlier site",
    path: () => "/view.php?ud=20000101000001",
    status: 404,
    heading: NOT_FOUND,
  },
  {
    name: "a malformed percent-escape",
    path: () => "/national/%ZZ",
    status: 404,
    heading: NOT_FOUND,
  },
  {
    name: "a withdrawn article",
    path: () => articleByExternalId(WITHDRAWN_ID).path,
    status: 410,
    heading: "This article has been withdrawn",
    section: { name: "Defense", path: "/national/defense" },
  },
];

for (const { name, path, status, heading, section } of CASES) {
  test(`${name} answers ${status} with a complete page of the site`, async ({ page }) => {
    const response = await page.goto(path());
    expect(response?.status()).toBe(status);
    await expectCompleteErrorPage(page, { heading, section });
  });
}

test("a withdrawn article's 410 keeps its Cache-Control, and names no internal path", async ({
  request,
}) => {
  const response = await request.get(articleByExternalId(WITHDRAWN_ID).path, { maxRedirects: 0 });
  expect(response.status()).toBe(410);
  expect(response.headers()["cache-control"]).toBe("public, s-maxage=60");
  expect(response.headers()["x-middleware-rewrite"]).toBeUndefined();
  expect(response.headers()["x-herald-status"]).toBeUndefined();
});

test("the error pages' own paths are not pages: 404", async ({ request }) => {
  for (const path of ["/errors/410/national", "/errors/503", "/errors"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain(NOT_FOUND);
  }
});

test("a path with a dot segment, in any spelling, is the complete 404 page", async () => {
  for (const path of ["/%2e%2e", "/world/%2e%2e", "/world/%2E%2e/national", "/world/.%2e/"]) {
    const response = await rawGet(path);
    expect(response.status, path).toBe(404);
    expect(response.location, path).toBeNull();
    expect(response.body, path).toMatch(/<html lang="[a-z]{2}/);
    expect(response.body, path).toMatch(/<h1[^>]*>Page not found<\/h1>/);
    expect(response.body.match(/<meta name="robots"/g), path).toHaveLength(1);
  }
});
