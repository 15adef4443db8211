import { expect, test, type APIRequestContext } from "@playwright/test";
import Parser from "rss-parser";
import { articleByExternalId } from "./support/content";
import { BASE_URL } from "./support/env";
import { FIXTURES, HOSTILE_HEADLINE, HOSTILE_ID, RECENT_ID } from "./support/fixtures";

/** RSS feeds (/rss.xml, /rss/{section}.xml, /rss/{section}/{subsection}.xml) from the production build. */
const parser = new Parser();
const RECENT_HEADLINE = FIXTURES.find((f) => f.id === RECENT_ID)!.headline;

async function fetchFeed(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  expect(response.headers()["cache-control"]).toMatch(/s-maxage=30\b/);
  const xml = await response.text();
  return { xml, feed: await parser.parseString(xml) };
}

test.describe("RSS feeds", () => {
  test("/rss.xml lists the site's 50 newest stories, the newest first", async ({ request }) => {
    const { feed } = await fetchFeed(request, "/rss.xml");
    expect(feed.title).toBe("The Korea Herald");
    expect(feed.feedUrl).toBe(`${BASE_URL}/rss.xml`);
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]?.title).toBe(RECENT_HEADLINE);
    expect(feed.items[0]?.guid).toBe(`${BASE_URL}${articleByExternalId(RECENT_ID).path}`);
  });

  test("/rss/national.xml is the National front's feed, subsections included", async ({
    request,
  }) => {
    const { feed } = await fetchFeed(request, "/rss/national.xml");
    expect(feed.title).toBe("National - The Korea Herald");
    expect(feed.link).toBe(`${BASE_URL}/national`);
    expect(feed.feedUrl).toBe(`${BASE_URL}/rss/national.xml`);
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items[0]?.title).toBe(HOSTILE_HEADLINE);
  });

  test("/rss/national/politics.xml carries the hostile headline as exact text", async ({
    request,
  }) => {
    const { xml, feed } = await fetchFeed(request, "/rss/national/politics.xml");
    expect(feed.title).toBe("Politics - National - The Korea Herald");
    expect(feed.feedUrl).toBe(`${BASE_URL}/rss/national/politics.xml`);
    const hostile = feed.items.find((i) => i.title === HOSTILE_HEADLINE);
    expect(hostile?.link).toBe(`${BASE_URL}${articleByExternalId(HOSTILE_ID).path}`);
    expect(hostile?.guid).toBe(hostile?.link);
    expect(xml).not.toMatch(/<\/?script/i);
    expect(xml).not.toContain("&amp;amp;");
  });

  for (const path of [
    "/rss/no-such-section.xml",
    "/rss/national/no-such-section.xml",
    "/rss/national/politics/extra.xml",
    "/rss/national.rss",
    "/rss/national",
  ]) {
    test(`${path} is a 404`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      expect(response.headers()["content-type"] ?? "").not.toContain("rss");
    });
  }
});
