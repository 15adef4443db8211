import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PROJECT_ROOT } from "./support/env";
import { horizontalOverflow, layoutPages, loadAllImages } from "./support/reader-pages";

/**
 * Screenshots for people to look at (issue 5): home, a section front and the seed article at a
 * phone's and a desktop's width, whole pages, attached to the HTML report and saved in
 * test-results/screenshots/. Nothing is compared against a stored image.
 */

const OUT_DIR = path.join(PROJECT_ROOT, "test-results", "screenshots");

for (const width of [390, 1280]) {
  test.describe(`screenshots at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 800 ? 844 : 800 } });

    test("home, section front and seed article", async ({ page }, testInfo) => {
      fs.mkdirSync(OUT_DIR, { recursive: true });
      for (const { name, path: url } of layoutPages()) {
        await page.goto(url);
        await loadAllImages(page);
        expect(await horizontalOverflow(page), name).toBe(0);
        const file = path.join(OUT_DIR, `${name.replace(/\s+/g, "-")}-${width}.png`);
        const png = await page.screenshot({ fullPage: true, path: file, animations: "disabled" });
        await testInfo.attach(`${name} at ${width} px`, { body: png, contentType: "image/png" });
      }
    });
  });
}
