import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PROJECT_ROOT } from "../support/env";

/**
 * Every top-level folder of app/ (or of a route group in it) is reached by its own URLs: nothing
 * in next.config.js or proxy.ts stands between a folder and the router. A new folder fails this test until it gets a
 * sample URL below (and the status that URL should answer).
 */
const SAMPLES: Record<string, { url: string; status: number }> = {
  "[section]": { url: "/national", status: 200 },
  api: { url: "/api/rails/latest", status: 200 },
  article: { url: "/article/1", status: 308 },
  author: { url: "/author/wikinews-contributors", status: 200 },
  copyright: { url: "/copyright", status: 200 },
  // The error pages: reached by the proxy's rewrites only, never by their own URL.
  errors: { url: "/errors/410", status: 404 },
  "list.php": { url: "/list.php?ct=000000000000", status: 404 },
  // Uploaded photos, from the database (decisions/039); photo 1 is a default photograph, no upload.
  media: { url: "/media/1/photo-1.jpg", status: 404 },
  // The newsroom: without a session, the proxy sends every page to sign-in (docs/newsroom.md).
  newsroom: { url: "/newsroom", status: 303 },
  og: { url: "/og/article/1", status: 200 },
  ombudsman: { url: "/ombudsman", status: 200 },
  privacy: { url: "/privacy", status: 200 },
  "rss.xml": { url: "/rss.xml", status: 200 },
  rss: { url: "/rss/national.xml", status: 200 },
  search: { url: "/search?q=korea", status: 200 },
  "sitemap.xml": { url: "/sitemap.xml", status: 200 },
  sitemaps: { url: "/sitemaps/sections.xml", status: 200 },
  subscribe: { url: "/subscribe", status: 200 },
  tag: { url: "/tag/europe", status: 200 },
  "view.php": { url: "/view.php?ud=00000000000000", status: 404 },
};

/**
 * The folders whose names are a URL's first segment: those in app/ and in its route groups
 * ("(site)", no part of a URL: docs/decisions/042-route-groups.md).
 */
function topLevelFolders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[_@]/.test(entry.name))
    .flatMap((entry) =>
      /^\(.+\)$/.test(entry.name) ? topLevelFolders(path.join(dir, entry.name)) : [entry.name],
    );
}

const folders = topLevelFolders(path.join(PROJECT_ROOT, "app")).sort();

test("every top-level folder of app/ has a sample URL here", () => {
  expect(folders).toEqual(Object.keys(SAMPLES).sort());
});

for (const folder of folders) {
  test(`app/${folder}/ answers its own URLs`, async ({ request }) => {
    const sample = SAMPLES[folder];
    test.skip(!sample, "no sample URL (the test above fails)");
    const response = await request.get(sample!.url, { maxRedirects: 0 });
    expect(response.status(), sample!.url).toBe(sample!.status);
  });
}
