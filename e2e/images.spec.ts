import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { seedArticle, seedArticleRef } from "./support/content";
import { PROJECT_ROOT } from "./support/env";
import { FRONT_WITH_PHOTOS, loadAllImages, photoArticle } from "./support/reader-pages";

/**
 * Images (issue 5): photos through next/image with explicit dimensions and `sizes` that match the
 * layout, the lead photo eager with high fetch priority, photos below the fold lazy, captions and
 * credits in a figure, alt text from the data, and an optimizer that serves only our photos.
 */

type ImageEntry = { file: string; alt: string; caption: string; credit: string };
const images = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, "content", "images.json"), "utf8"),
) as ImageEntry[];
const bison = images.find((i) => i.file === "bison-caprock-canyons.jpg")!;

/**
 * For every photo on the page: its rendered width, and the width its `sizes` attribute gives
 * the browser at this viewport (first matching media condition, its length resolved in CSS).
 */
async function sizesVersusLayout(page: Page) {
  return page.locator("main img").evaluateAll((imgs) =>
    imgs.map((img) => {
      const sizes = img.getAttribute("sizes") ?? "";
      const entries = sizes.split(/,(?![^(]*\))/).map((s) => s.trim());
      let length = entries.at(-1)!;
      for (const entry of entries) {
        const match = /^(\(.+\))\s+(.+)$/.exec(entry);
        if (match && matchMedia(match[1]!).matches) {
          length = match[2]!;
          break;
        }
      }
      const probe = document.createElement("div");
      probe.style.width = length;
      document.body.append(probe);
      const slot = probe.getBoundingClientRect().width;
      probe.remove();
      return { src: img.getAttribute("src"), rendered: img.getBoundingClientRect().width, slot };
    }),
  );
}

test.describe("the lead photo of an article", () => {
  test("is a figure with caption and credit, eager, high priority, with width, height and alt from the data", async ({
    page,
  }) => {
    await page.goto(photoArticle().path);
    const figure = page.locator("main article figure").first();
    const img = figure.locator("img");
    await expect(img).toHaveAttribute("alt", bison.alt);
    await expect(img).toHaveAttribute("width", /^\d+$/);
    await expect(img).toHaveAttribute("height", /^\d+$/);
    await expect(img).toHaveAttribute("fetchpriority", "high");
    expect(await img.getAttribute("loading")).not.toBe("lazy");
    await expect(img).toHaveAttribute("srcset", /\/_next\/image\?url=%2Fimages%2Fphotos%2F/);
    await expect(figure.locator("figcaption")).toContainText(bison.caption);
    await expect(figure.locator("figcaption")).toContainText(bison.credit);
    // Its box is reserved from width and height before the file arrives: nothing shifts.
    await expect(img).toHaveJSProperty("complete", true);
    const layoutShift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) =>
            resolve(
              list
                .getEntries()
                .reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0),
            ),
          ).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(0), 1000);
        }),
    );
    expect(layoutShift).toBeLessThan(0.01);
  });

  test("sizes matches the photo's width in the layout at 390, 1024 and 1280 px", async ({
    page,
  }) => {
    for (const width of [390, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(photoArticle().path);
      for (const { src, rendered, slot } of await sizesVersusLayout(page)) {
        const what = `${width} px, ${src}: sizes ${slot} px, shown ${rendered} px`;
        expect(Math.abs(slot - rendered), what).toBeLessThan(Math.max(4, rendered * 0.05));
      }
    }
  });
});

test("an article without a photo file gets a text caption, not an empty box", async ({ page }) => {
  await page.goto(seedArticleRef().path);
  await expect(page.locator("main article img")).toHaveCount(0);
  const caption = page.locator("main article figure figcaption");
  await expect(caption).toContainText(seedArticle.lead_image.caption);
  await expect(caption).toContainText(seedArticle.lead_image.credit);
});

test.describe("photos on a section front", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("below the fold they are lazy, every one has explicit dimensions and a fitting sizes", async ({
    page,
  }) => {
    await page.goto(FRONT_WITH_PHOTOS);
    const photos = await page.locator("main img").evaluateAll((imgs) =>
      imgs.map((img) => ({
        top: img.getBoundingClientRect().top + window.scrollY,
        loading: img.getAttribute("loading"),
        width: img.getAttribute("width"),
        height: img.getAttribute("height"),
        alt: img.getAttribute("alt"),
      })),
    );
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) {
      expect(photo.width).toMatch(/^\d+$/);
      expect(photo.height).toMatch(/^\d+$/);
      expect(photo.alt?.length).toBeGreaterThan(10);
      if (photo.top > 844) expect(photo.loading).toBe("lazy");
    }
    expect(photos.filter((p) => p.top > 844).length).toBeGreaterThan(0);
    await loadAllImages(page);
    for (const { src, rendered, slot } of await sizesVersusLayout(page)) {
      expect(Math.abs(slot - rendered), `${src}`).toBeLessThan(Math.max(4, rendered * 0.05));
    }
  });
});

test.describe("the image optimizer", () => {
  const photo = "/images/photos/bison-caprock-canyons.jpg";
  const optimized = (url: string, w = 640) =>
    `/_next/image?url=${encodeURIComponent(url)}&w=${w}&q=75`;

  test("serves our photos as AVIF or WebP, and refuses anything else with a 4xx", async ({
    request,
  }) => {
    const avif = await request.get(optimized(photo), {
      headers: { accept: "image/avif,image/webp,*/*" },
    });
    expect(avif.status()).toBe(200);
    expect(avif.headers()["content-type"]).toBe("image/avif");
    const webp = await request.get(optimized(photo), { headers: { accept: "image/webp,*/*" } });
    expect(webp.headers()["content-type"]).toBe("image/webp");

    const refused = [
      optimized("https://evil.example/x.png"), // another host
      optimized("//evil.example/x.png"),
      optimized("/images/logo.png"), // ours, but not a photo
      optimized("/images/photos/../logo.png"),
      optimized(`${photo}?v=1`), // a search string
      optimized("/images/photos/no-such-photo.svg"),
      optimized("/images/photos/no-such-photo.jpg"),
      optimized(photo, 123), // a width we do not make
      `/_next/image?url=${encodeURIComponent(photo)}&w=640&q=100`, // a quality we do not make
    ];
    for (const url of refused) {
      const response = await request.get(url, { headers: { accept: "image/avif,*/*" } });
      expect(response.status(), url).toBeGreaterThanOrEqual(400);
      expect(response.status(), url).toBeLessThan(500);
    }
    // And the server is still up and serving.
    expect((await request.get(optimized(photo))).status()).toBe(200);
    expect((await request.get("/")).status()).toBe(200);
  });
});
