import { expect, test, type APIRequestContext } from "@playwright/test";
import { articleByExternalId, seedArticleRef } from "./support/content";
import { BASE_URL } from "./support/env";
import { HOSTILE_ID } from "./support/fixtures";

/**
 * Author and tag pages (/author/{slug}, /tag/{slug}): reached from an article's byline and tags,
 * paged like fronts, with a feed, structured data, and `noindex, follow` while thin (fewer than
 * three public stories), never a soft 404. Their sitemaps list only the indexable ones.
 */

/** The JSON-LD blocks of a page's server HTML, flattened. */
async function jsonLd(
  request: APIRequestContext,
  path: string,
): Promise<Array<Record<string, unknown>>> {
  const html = await (await request.get(path)).text();
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap(
    (m) => [JSON.parse(m[1]!)].flat() as Array<Record<string, unknown>>,
  );
}

const robotsOf = (html: string) =>
  [...html.matchAll(/<meta name="robots" content="([^"]*)"/g)].map((m) => m[1]);

test("an article's byline and tags lead to their pages", async ({ page }) => {
  await page.goto(seedArticleRef().path);
  await page.getByRole("link", { name: "Yonhap", exact: true }).click();
  await expect(page).toHaveURL("/author/yonhap");
  await expect(page.locator("h1")).toHaveText("Yonhap");
  await expect(
    page.getByText("South Korea's national news agency", { exact: false }),
  ).toBeVisible();
  await expect(page.locator("main article")).not.toHaveCount(0);

  const hostile = articleByExternalId(HOSTILE_ID);
  await page.goto(hostile.path);
  await page.getByRole("link", { name: "한국", exact: true }).click();
  await expect(page).toHaveURL(`/tag/${encodeURIComponent("한국")}`);
  await expect(page.locator("h1")).toHaveText("한국");
  await expect(page.locator("main article h2 a").first()).toHaveAttribute("href", hostile.path);
});

test("an author with many stories is indexable, paged, with a feed and ProfilePage data", async ({
  page,
  request,
}) => {
  const response = await page.goto("/author/wikinews-contributors");
  expect(response?.status()).toBe(200);
  await expect(page.locator("main article")).toHaveCount(20);
  const html = await (await request.get("/author/wikinews-contributors")).text();
  expect(robotsOf(html)).toEqual([]);
  expect(html).toContain(`<link rel="canonical" href="${BASE_URL}/author/wikinews-contributors"/>`);

  const [profile] = (await jsonLd(request, "/author/wikinews-contributors")).filter(
    (b) => b["@type"] === "ProfilePage",
  );
  expect(profile?.mainEntity).toMatchObject({
    "@type": "Organization",
    name: "Wikinews contributors",
    url: `${BASE_URL}/author/wikinews-contributors`,
  });

  await page
    .getByRole("navigation", { name: "Pagination" })
    .getByRole("link", { name: /Older/ })
    .click();
  await expect(page).toHaveURL(/\/author\/wikinews-contributors\/before\/\d+$/);
  await expect(page.locator("main article")).toHaveCount(20);
  const firstTitle = await (await request.get("/author/wikinews-contributors")).text();
  expect(await page.title()).not.toBe(/<title>(.*?)<\/title>/.exec(firstTitle)?.[1]);

  const feed = await request.get("/rss/author/wikinews-contributors.xml");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await feed.text();
  expect(xml).toContain(`<link>${BASE_URL}/author/wikinews-contributors</link>`);
  expect(xml.match(/<item>/g)).toHaveLength(50);
});

test("thin author and tag pages answer 200 for readers with noindex, follow", async ({
  request,
}) => {
  for (const path of ["/author/yonhap", `/tag/${encodeURIComponent("한국")}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(robotsOf(await response.text()), path).toEqual(["noindex, follow"]);
  }
});

test("unknown authors and tags, and malformed cursors, are 404s", async ({ request }) => {
  for (const path of [
    "/author/nobody-here",
    "/tag/no-such-tag",
    "/author/yonhap/before/abc",
    "/author/yonhap/before/99999999",
    "/rss/author/nobody-here.xml",
    "/rss/tag/europe.json",
  ]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test("the sitemaps list indexable author and tag pages only, and leave empty fronts out", async ({
  request,
}) => {
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain(`${BASE_URL}/sitemaps/authors.xml`);
  expect(index).toContain(`${BASE_URL}/sitemaps/tags.xml`);
  const authors = await (await request.get("/sitemaps/authors.xml")).text();
  expect(authors).toContain(`${BASE_URL}/author/wikinews-contributors`);
  expect(authors).not.toContain("/author/yonhap");
  const tags = await (await request.get("/sitemaps/tags.xml")).text();
  expect(tags).toContain(`${BASE_URL}/tag/europe`);
  expect(tags).not.toContain(encodeURIComponent("한국"));

  const sections = await (await request.get("/sitemaps/sections.xml")).text();
  expect(sections).not.toContain(`${BASE_URL}/opinion/editorial<`);
  const empty = await (await request.get("/opinion/editorial")).text();
  expect(robotsOf(empty)).toEqual(["noindex, follow"]);
  const full = await (await request.get("/national")).text();
  expect(robotsOf(full)).toEqual([]);
});

test("an article's structured data links each author to their page", async ({ request }) => {
  const [article] = (await jsonLd(request, seedArticleRef().path)).filter(
    (b) => b["@type"] === "NewsArticle",
  );
  expect(article?.author).toEqual([
    { "@type": "Organization", name: "Yonhap", url: `${BASE_URL}/author/yonhap` },
  ]);
});
