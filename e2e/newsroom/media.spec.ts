import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import sharp from "sharp";
import { openE2eDatabase } from "../support/database";
import { BASE_URL, E2E_ON_POSTGRES } from "../support/env";
import { runTool } from "../support/tools";

/**
 * Uploaded photos are served from the database at /media/{imageId}/{name} (issue 17, "Photos";
 * docs/decisions/039-photos-in-the-database.md): the stored bytes with their type, cached for a
 * year as immutable, never sniffed or run; anything else is a 404; the image optimizer takes them;
 * the upload route refuses other sites and sessionless requests; a signed-in writer uploads from
 * the media page without JavaScript, and the story editor's dialog gets JSON.
 */

type Stored = { imageId: number; bytes: Buffer };

/** Stores a photo as uploadPhoto would (an images row named media/<id>.jpg and its bytes). */
async function storePhoto(): Promise<Stored> {
  const bytes = await sharp({
    create: { width: 640, height: 400, channels: 3, background: "#2a6f97" },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  const db = openE2eDatabase({ readonly: false });
  try {
    const placeholder = `media/pending-e2e-${Date.now()}-${Math.random()}`;
    db.prepare(
      "insert into images (file, width, height, alt, caption, credit, licence, source) values (?, 640, 400, 'A blue field', 'Blue', 'Herald', 'All rights reserved', '')",
    ).run(placeholder);
    const row = db.prepare("select id from images where file = ?").get(placeholder) as {
      id: number;
    };
    const imageId = Number(row.id);
    db.prepare("update images set file = ? where id = ?").run(`media/${imageId}.jpg`, imageId);
    db.prepare(
      `insert into media_files (image_id, content_type, bytes, byte_size, sha256, uploaded_by, uploaded_at)
       values (?, 'image/jpeg', ${E2E_ON_POSTGRES ? "decode(?, 'hex')" : "?"}, ?, ?, null, ?)`,
    ).run(
      imageId,
      E2E_ON_POSTGRES ? bytes.toString("hex") : bytes,
      bytes.byteLength,
      createHash("sha256").update(bytes).digest("hex"),
      new Date().toISOString(),
    );
    return { imageId, bytes };
  } finally {
    db.close();
  }
}

test.describe("uploaded photos", () => {
  let photo: Stored;
  test.beforeAll(async () => {
    photo = await storePhoto();
  });

  test("are served from the database with their type, immutable caching and no sniffing", async ({
    request,
  }) => {
    const path = `/media/${photo.imageId}/photo-${photo.imageId}.jpg`;
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(Buffer.from(await response.body()).equals(photo.bytes)).toBe(true);
    const headers = response.headers();
    expect(headers["content-type"]).toBe("image/jpeg");
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-disposition"]).toBe("inline");
    expect(headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    expect(headers["set-cookie"]).toBeUndefined();

    // Any name after the id serves the same photo; the ETag answers a revalidation with 304.
    const other = await request.get(`/media/${photo.imageId}/blue-field.jpg`);
    expect(other.status()).toBe(200);
    const again = await request.get(path, { headers: { "if-none-match": headers["etag"]! } });
    expect(again.status()).toBe(304);
  });

  test("answer 404 for an unknown id, another extension, a malformed id or a photo that is no upload", async ({
    request,
  }) => {
    for (const path of [
      "/media/99999999/photo.jpg",
      `/media/${photo.imageId}/photo-${photo.imageId}.webp`,
      `/media/${photo.imageId}/photo-${photo.imageId}.svg`,
      "/media/abc/photo.jpg",
      "/media/0/photo.jpg",
      "/media/1/photo.jpg",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"] ?? "", path).not.toMatch(/^image\//);
    }
  });

  test("go through the image optimizer", async ({ request }) => {
    const url = encodeURIComponent(`/media/${photo.imageId}/photo-${photo.imageId}.jpg`);
    const response = await request.get(`/_next/image?url=${url}&w=390&q=75`, {
      headers: { accept: "image/avif,image/webp,*/*" },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\/(avif|webp)$/);
    // A search string is refused, as for every local image (decisions/019).
    const withSearch = await request.get(`/_next/image?url=${url}%3Fx%3D1&w=390&q=75`);
    expect(withSearch.status()).toBe(400);
  });
});

test.describe("the upload route", () => {
  test("refuses another site's POST with 403 and stores nothing", async ({ request }) => {
    const db = openE2eDatabase({ readonly: true });
    const count = () =>
      Number((db.prepare("select count(*) as n from media_files").get() as { n: number }).n);
    try {
      const before = count();
      const response = await request.post("/newsroom/api/photos", {
        headers: { origin: "https://evil.example", accept: "application/json" },
        multipart: {
          alt: "x",
          credit: "y",
          file: { name: "x.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0xff, 0xd8, 0xff]) },
        },
      });
      expect(response.status()).toBe(403);
      // Without any Origin (no browser posts so) too.
      const noOrigin = await request.post("/newsroom/api/photos", {
        headers: { accept: "application/json" },
        multipart: { alt: "x", credit: "y" },
      });
      expect(noOrigin.status()).toBe(403);
      // Same origin without a session cookie: the proxy sends it to sign-in.
      const anonymous = await request.post("/newsroom/api/photos", {
        headers: { origin: BASE_URL, accept: "application/json" },
        multipart: { alt: "x", credit: "y" },
        maxRedirects: 0,
      });
      expect(anonymous.status()).toBe(303);
      expect(anonymous.headers()["location"]).toContain("/newsroom/sign-in");
      // A cookie that is no session gets past the proxy; the route itself answers 401.
      const forged = await request.post("/newsroom/api/photos", {
        headers: {
          origin: BASE_URL,
          accept: "application/json",
          cookie: "herald.session_token=forged.value",
        },
        multipart: { alt: "x", credit: "y" },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(401);
      expect(count()).toBe(before);
    } finally {
      db.close();
    }
  });
});

test.describe("the media library page", () => {
  const email = `photo-writer-${Date.now()}@example.com`;
  const password = "correct horse battery staple 42";

  test.beforeAll(() => {
    const made = runTool(
      "newsroom.ts",
      ["add-user", email, "--role", "writer"],
      {},
      `${password}\n`,
    );
    expect(made.status, made.output).toBe(0);
  });

  /** A browser context signed in as the writer; without JavaScript when `javaScript` is false. */
  async function signedIn(browser: Browser, javaScript: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    await page.goto("/newsroom/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/sign-in/);
    const state = await context.storageState();
    await context.close();
    return browser.newContext({
      baseURL: BASE_URL,
      storageState: state,
      javaScriptEnabled: javaScript,
    });
  }

  test("a writer uploads a photo without JavaScript: stored, metadata gone, listed; an SVG is refused", async ({
    browser,
    request,
  }) => {
    const context = await signedIn(browser, false);
    const page = await context.newPage();
    await page.goto("/newsroom/media");
    await expect(page.getByRole("heading", { level: 1, name: "Media library" })).toBeVisible();

    const withGps = await sharp({
      create: { width: 900, height: 600, channels: 3, background: "#c1502e" },
    })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSMapDatum: "SECRET-GPS-DATUM" } })
      .toBuffer();
    await page.getByLabel("Photo file").setInputFiles({
      name: "market.jpg",
      mimeType: "image/jpeg",
      buffer: withGps,
    });
    await page.getByLabel("Alt text (required)").fill("Stalls of a night market in Seoul");
    await page
      .getByLabel("Caption", { exact: true })
      .fill("<img src=x onerror=alert(1)> Night market");
    await page.getByLabel("Credit (required)").fill("Herald photo desk");
    await page.getByRole("button", { name: "Upload", exact: true }).click();

    await expect(page).toHaveURL(/\/newsroom\/media\?uploaded=\d+$/);
    await expect(page.getByRole("status")).toContainText("Photo uploaded");
    const photo = page.getByRole("img", { name: "Stalls of a night market in Seoul" });
    await expect(photo).toBeVisible();
    // The hostile caption is text, not markup.
    await expect(page.getByText("<img src=x onerror=alert(1)> Night market")).toBeVisible();

    const imageId = Number(new URL(page.url()).searchParams.get("uploaded"));
    const served = await request.get(`/media/${imageId}/photo-${imageId}.jpg`);
    expect(served.status()).toBe(200);
    const bytes = Buffer.from(await served.body());
    const metadata = await sharp(bytes).metadata();
    expect([metadata.width, metadata.height]).toEqual([900, 600]);
    expect(metadata.exif).toBeUndefined();
    expect(bytes.toString("latin1")).not.toContain("SECRET-GPS-DATUM");

    await page.getByLabel("Photo file").setInputFiles({
      name: "logo.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
    });
    await page.getByLabel("Alt text (required)").fill("Logo");
    await page.getByLabel("Credit (required)").fill("Herald");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page).toHaveURL(/refused=415/);
    await expect(page.getByRole("alert")).toContainText("Only JPEG, PNG, WebP or AVIF");
    // The site keeps serving.
    expect((await request.get(`/media/${imageId}/photo-${imageId}.jpg`)).status()).toBe(200);
    await context.close();
  });

  test("the upload route answers the signed-in editor's dialog in JSON", async ({ browser }) => {
    const context = await signedIn(browser, true);
    const response = await context.request.post("/newsroom/api/photos", {
      headers: { origin: BASE_URL, accept: "application/json" },
      multipart: {
        alt: "A green square",
        credit: "Herald",
        file: {
          name: "green.png",
          mimeType: "image/png",
          buffer: await sharp({
            create: { width: 30, height: 20, channels: 3, background: "#0a0" },
          })
            .png()
            .toBuffer(),
        },
      },
    });
    expect(response.status()).toBe(201);
    const { photo } = (await response.json()) as { photo: Record<string, unknown> };
    expect(photo).toMatchObject({ width: 30, height: 20, alt: "A green square", credit: "Herald" });
    expect(photo.src).toMatch(/^\/media\/\d+\/photo-\d+\.jpg$/);
    const missingAlt = await context.request.post("/newsroom/api/photos", {
      headers: { origin: BASE_URL, accept: "application/json" },
      multipart: { credit: "Herald" },
    });
    expect(missingAlt.status()).toBe(400);
    expect(await missingAlt.json()).toMatchObject({ field: "alt" });
    await context.close();
  });

  test("passes axe (WCAG 2.2 AA) at 390 and 1280 px, with photos and a refusal shown", async ({
    browser,
  }) => {
    const context = await signedIn(browser, true);
    const page = await context.newPage();
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto("/newsroom/media?refused=422");
      await expect(page.locator("#upload-error")).toContainText("could not be used as a photo");
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      const violations = results.violations.flatMap((v) =>
        v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}: ${v.help}`),
      );
      expect(violations, `${viewport.width} px`).toEqual([]);
    }
    await context.close();
  });
});
