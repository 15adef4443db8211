import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { expect, request as requests, test } from "@playwright/test";
import { articleByExternalId } from "../support/content";
import { RECENT_ID } from "../support/fixtures";
import { BASE_URL, E2E_DIST_DIR, E2E_PORT, PROJECT_ROOT } from "../support/env";
import { BROTLI_MODULE } from "../../scripts/nginx/render";
import { NGINX, rawGet, startNginx, type TestNginx } from "../support/nginx";
import { previewLink } from "../support/preview";

/**
 * deploy/nginx/herald.conf, rendered as shipped, in front of the suite's server: what it caches,
 * what it never caches, what it compresses and which files it serves itself (docs/deploy.md).
 */
const PORT = E2E_PORT + 41;
const upstream = new URL(BASE_URL).host;
const DRAFT = "herald-draft-editorial-corrections";

let nginx: TestNginx;

test.describe.configure({ mode: "serial" });
test.skip(!fs.existsSync(NGINX), `${NGINX} is not installed (.ci/run installs Debian's nginx)`);

test.beforeAll(async () => {
  nginx = await startNginx(PORT, [upstream]);
});
test.afterAll(async () => {
  await nginx?.stop();
});

test("a page is rendered once, then served from nginx's cache, byte for byte", async () => {
  const path = "/opinion";
  const first = await rawGet(nginx.url, path);
  const second = await rawGet(nginx.url, path);
  expect(first.status).toBe(200);
  expect(first.headers["x-cache-status"]).toBe("MISS");
  expect(first.headers["x-herald-upstream"]).toBe(upstream);
  expect(second.headers["x-cache-status"]).toBe("HIT");
  expect(second.body.equals(first.body)).toBe(true);
  expect(second.headers["cache-control"]).toBe("s-maxage=30, stale-while-revalidate=270");
  // An RSC request for the same URL is another entry, never the HTML (Next.js first redirects a
  // bare one to its URL with `_rsc`, itself another key).
  const rsc = await rawGet(nginx.url, path, { RSC: "1" });
  expect(rsc.headers["x-cache-status"]).toBe("MISS");
  const target = rsc.status === 307 ? rsc.headers.location! : path;
  const payload = await rawGet(nginx.url, target, { RSC: "1" });
  expect(payload.status).toBe(200);
  expect(payload.headers["content-type"]).toMatch(/^text\/x-component/);
  expect((await rawGet(nginx.url, target, { RSC: "1" })).headers["x-cache-status"]).toBe("HIT");
  const html = await rawGet(nginx.url, path);
  expect(html.headers["x-cache-status"]).toBe("HIT");
  expect(html.body.equals(first.body)).toBe(true);
});

test("Draft Mode's cookie bypasses the cache, and an editor's preview is never stored for readers", async () => {
  const draft = articleByExternalId(DRAFT);
  // A reader's 404 for the draft is cached like any page.
  expect((await rawGet(nginx.url, draft.path)).headers["x-cache-status"]).toBe("MISS");
  const cached = await rawGet(nginx.url, draft.path);
  expect(cached.status).toBe(404);
  expect(cached.headers["x-cache-status"]).toBe("HIT");

  const bypass = await rawGet(nginx.url, "/opinion", { Cookie: "a=1; __prerender_bypass=x" });
  expect(bypass.headers["x-cache-status"]).toBe("BYPASS");

  // The editor's preview goes to Herald every time, and answers private, no-store.
  const editor = await requests.newContext({ baseURL: nginx.url });
  try {
    for (let i = 0; i < 2; i++) {
      const preview = await editor.get(await previewLink(draft.id));
      expect(preview.status()).toBe(200);
      expect(preview.url()).toBe(`${nginx.url}${draft.path}`);
      expect(preview.headers()["x-cache-status"]).toBe("BYPASS");
      expect(preview.headers()["cache-control"]).toMatch(/private.*no-store|no-store.*private/);
      expect(await preview.text()).toContain(draft.headline);
    }
    const cookies = (await editor.storageState()).cookies.map((cookie) => cookie.name);
    expect(cookies).toEqual(expect.arrayContaining(["__prerender_bypass", "herald_preview"]));
  } finally {
    await editor.dispose();
  }

  // Readers still get the cached 404, never the preview's text.
  const after = await rawGet(nginx.url, draft.path);
  expect(after.status).toBe(404);
  expect(after.headers["x-cache-status"]).toBe("HIT");
  expect(after.body.toString()).not.toContain(draft.headline);
});

test("a private, no-store response is never cached", async () => {
  for (const path of ["/search?q=seoul", "/api/draft"]) {
    for (let i = 0; i < 2; i++) {
      const response = await rawGet(nginx.url, path);
      expect(response.headers["cache-control"], path).toMatch(/no-store/);
      expect(response.headers["x-cache-status"], path).toBe("MISS");
    }
  }
});

test("nginx compresses what Herald sends, with brotli when Debian's module is there", async () => {
  const brotli = fs.existsSync(BROTLI_MODULE);
  const both = await rawGet(nginx.url, "/", { "Accept-Encoding": "gzip, br" });
  expect(both.headers["content-encoding"]).toBe(brotli ? "br" : "gzip");
  expect(both.headers["vary"]).toMatch(/Accept-Encoding/i);
  const html = (brotli ? zlib.brotliDecompressSync(both.body) : zlib.gunzipSync(both.body))
    .toString()
    .slice(0, 200);
  expect(html).toMatch(/^<!DOCTYPE html>/i);

  const gzip = await rawGet(nginx.url, "/rss.xml", { "Accept-Encoding": "gzip" });
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(zlib.gunzipSync(gzip.body).toString()).toContain("<rss");

  const plain = await rawGet(nginx.url, "/");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString().slice(0, 200)).toMatch(/^<!DOCTYPE html>/i);
});

test("the build's static files and public/ are served by nginx, without asking Herald", async () => {
  const chunks = path.join(PROJECT_ROOT, E2E_DIST_DIR, "static", "chunks");
  const chunk = fs.readdirSync(chunks).find((name) => name.endsWith(".js"))!;
  const files = [
    {
      path: `/_next/static/chunks/${chunk}`,
      bytes: fs.readFileSync(path.join(chunks, chunk)),
      cacheControl: "public, max-age=31536000, immutable",
    },
    {
      path: "/images/logo.png",
      bytes: fs.readFileSync(path.join(PROJECT_ROOT, "public", "images", "logo.png")),
      cacheControl: "public, max-age=0",
    },
  ];
  for (const file of files) {
    const response = await rawGet(nginx.url, file.path);
    expect(response.status, file.path).toBe(200);
    expect(response.body.equals(file.bytes), file.path).toBe(true);
    expect(response.headers["x-herald-upstream"], file.path).toBeUndefined();
    expect(response.headers["cache-control"], file.path).toBe(file.cacheControl);
    expect(response.headers["x-content-type-options"], file.path).toBe("nosniff");
  }
  // A file that is not there is Herald's to answer.
  const missing = await rawGet(nginx.url, "/images/no-such-file.png");
  expect(missing.headers["x-herald-upstream"]).toBe(upstream);
});

test("a redirect through nginx keeps the reader on nginx's address", async () => {
  const story = articleByExternalId(RECENT_ID);
  const response = await rawGet(nginx.url, `/article/${story.id}`);
  expect(response.status).toBe(308);
  expect(new URL(response.headers.location!, nginx.url).href).toBe(`${nginx.url}${story.path}`);
});

test("an optimised image is cached once per format, whatever the browser's Accept says", async () => {
  const image = "/_next/image?url=%2Fimages%2Fphotos%2Fbison-caprock-canyons.jpg&w=640&q=75";
  const chrome = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
  const firefox = "image/avif,image/webp,*/*";
  const webp = "image/webp,*/*";
  const get = (accept: string) => rawGet(nginx.url, image, { Accept: accept });

  const first = await get(chrome);
  expect(first.status).toBe(200);
  expect(first.headers["content-type"]).toBe("image/avif");
  expect(first.headers["x-cache-status"]).toBe("MISS");
  // Another spelling of the same choice is the same entry.
  expect((await get(firefox)).headers["x-cache-status"]).toBe("HIT");
  const other = await get(webp);
  expect(other.headers["content-type"]).toBe("image/webp");
  expect(other.headers["x-cache-status"]).toBe("MISS");
  // Both stay: the WebP copy did not replace the AVIF one.
  const again = await get(chrome);
  expect(again.headers["x-cache-status"]).toBe("HIT");
  expect(again.headers["content-type"]).toBe("image/avif");
  expect(again.body.equals(first.body)).toBe(true);
});
