import { expect, test } from "@playwright/test";
import { articleByExternalId, seedArticleRef } from "./support/content";
import { rawGet } from "./support/error-pages";
import { RECENT_ID, RECENT_LEGACY_ID } from "./support/fixtures";

/**
 * Every other spelling of a URL reaches its canonical form in exactly one permanent redirect
 * (308), whatever it combines: trailing and repeated slashes, letter case, an old paging query,
 * a wrong slug, an id in percent-escapes, the earlier site's URLs. The redirect's target answers
 * at once: 200, or 404 where there is no such page (docs/decisions/003-proxy.md, 032). Requests
 * go out exactly as written ("//x/" is not another host), and no redirect is followed.
 */
const seed = () => seedArticleRef();
const percentId = () => [...String(seed().id)].map((digit) => `%3${digit}`).join("");

/** [the spelling, as the test names it; the URL sent; its canonical form; its status]. */
const CASES: Array<[name: string, from: () => string, to: () => string, landing: number]> = [
  ["/article/{id}/", () => `/article/${seed().id}/`, () => seed().path, 200],
  [
    "/article/{id}/wrong-slug/?utm_source=x",
    () => `/article/${seed().id}/wrong-slug/?utm_source=x`,
    () => `${seed().path}?utm_source=x`,
    200,
  ],
  ["/article/{id as %3N}/", () => `/article/${percentId()}/`, () => seed().path, 200],
  ["/Article/{id}/{slug}/", () => `/Article/${seed().id}/${seed().slug}/`, () => seed().path, 200],
  ["/National/?before=80", () => "/National/?before=80", () => "/national/before/80", 200],
  [
    "/National/Foreign-Affairs/",
    () => "/National/Foreign-Affairs/",
    () => "/national/foreign-affairs",
    200,
  ],
  [
    "/NATIONAL/Politics/?utm_source=x",
    () => "/NATIONAL/Politics/?utm_source=x",
    () => "/national/politics?utm_source=x",
    200,
  ],
  ["/world/?before=", () => "/world/?before=", () => "/world", 200],
  ["/World/World-News/", () => "/World/World-News/", () => "/world/world-news", 200],
  ["/world/world-news//", () => "/world/world-news//", () => "/world/world-news", 200],
  ["//world//world-news", () => "//world//world-news", () => "/world/world-news", 200],
  [
    "/view.php/?ud={the recent story's}",
    () => `/view.php/?ud=${RECENT_LEGACY_ID}`,
    () => articleByExternalId(RECENT_ID).path,
    200,
  ],
  ["/list.php/?ct=020100000000", () => "/list.php/?ct=020100000000", () => "/national", 200],
  ["/search/?q=korea", () => "/search/?q=korea", () => "/search?q=korea", 200],
  ["/rss.xml/", () => "/rss.xml/", () => "/rss.xml", 200],
  ["/images/logo.png/", () => "/images/logo.png/", () => "/images/logo.png", 200],
  ["/api/rails/latest/", () => "/api/rails/latest/", () => "/api/rails/latest", 200],
  ["//x/", () => "//x/", () => "/x", 404],
  ["/world?before=abc", () => "/world?before=abc", () => "/world/before/abc", 404],
];

for (const [name, from, to, landing] of CASES) {
  test(`${name}: one 308 to the canonical URL, which answers ${landing}`, async () => {
    const first = await rawGet(from());
    expect(first.status).toBe(308);
    expect(first.location).toBe(to());
    const landed = await rawGet(first.location!);
    expect(landed.status).toBe(landing);
    expect(landed.location).toBeNull();
  });
}

test("canonical URLs and misses answer at once, with no redirect", async () => {
  for (const [path, status] of [
    ["/", 200],
    ["/national", 200],
    [seed().path, 200],
    ["/view.php?ud=20210916000873", 404],
    ["/view.php/?ud=20000101000001", 404],
    ["/article/99999/x/", 404],
    ["/national/nonexistent-sub/", 404],
    ["/%2e%2e", 404],
    ["/world/%2e%2e", 404],
  ] as const) {
    const response = await rawGet(path);
    expect(response.status, path).toBe(status);
    expect(response.location, path).toBeNull();
  }
});
