import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { articleByExternalId } from "./support/content";
import { HOSTILE_ID } from "./support/fixtures";

/**
 * The generated share cards (/og/article/{id}, /og/front/...) and the site's icons, from the
 * production build. What the cards draw is tested in lib/og/card.test.ts; here, that the routes
 * answer what they should.
 */

async function expectCard(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toBe("image/png");
  const { width, height } = await sharp(await response.body()).metadata();
  expect([width, height], path).toEqual([1200, 630]);
}

test.describe("share cards", () => {
  for (const path of ["/og/front", "/og/front/national", "/og/front/national/politics"])
    test(`${path} is a 1200×630 PNG`, async ({ request }) => {
      await expectCard(request, path);
    });

  for (const path of [
    "/og/front/no-such-section",
    "/og/front/national/no-such-subsection",
    "/og/front/National",
    "/og/front/national/before",
    "/og/front/national/politics/extra",
  ])
    test(`${path} answers 404`, async ({ request }) => {
      expect((await request.get(path, { maxRedirects: 0 })).status()).toBe(404);
    });

  test("an article whose headline has Hangul and emoji gets its card, drawn offline", async ({
    request,
  }) => {
    await expectCard(request, `/og/article/${articleByExternalId(HOSTILE_ID).id}`);
  });
});

test.describe("icons", () => {
  for (const [path, type] of [
    ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)$/],
    ["/icon.svg", /^image\/svg\+xml/],
    ["/apple-icon.png", /^image\/png$/],
  ] as const)
    test(`${path} answers ${type.source}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(type);
    });

  test("the square publisher logo is a 512×512 PNG", async ({ request }) => {
    const response = await request.get("/images/logo-square.png");
    expect(response.status()).toBe(200);
    const { width, height, format } = await sharp(await response.body()).metadata();
    expect({ width, height, format }).toEqual({ width: 512, height: 512, format: "png" });
  });

  test("pages link the favicon, the SVG icon and the Apple touch icon", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const links = (html.match(/<link rel="(?:icon|apple-touch-icon)"[^>]*>/g) ?? []).join("\n");
    expect(links).toMatch(/<link rel="icon" href="\/favicon\.ico(\?[^"]*)?"[^>]*sizes="48x48"/);
    expect(links).toMatch(
      /<link rel="icon" href="\/icon\.svg(\?[^"]*)?"[^>]*type="image\/svg\+xml"/,
    );
    expect(links).toMatch(
      /<link rel="apple-touch-icon" href="\/apple-icon\.png(\?[^"]*)?"[^>]*sizes="180x180"/,
    );
  });
});
