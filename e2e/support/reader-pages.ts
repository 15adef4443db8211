import type { Page } from "@playwright/test";
import { articleByExternalId, seedArticleRef } from "./content";

/**
 * The pages the reader-facing checks (issue 5) run on: the home page, a section front, a
 * subsection front, the seed article and the 404 page, plus an article with a lead photo.
 */
export type ReaderPage = { name: string; path: string };

/** The import id of a story with a lead photo (bison, content/lead-images.json). */
export const PHOTO_ARTICLE_EXTERNAL_ID =
  "wikinews-20191019-northern-arapaho-tribe-welcomes-buffalo-herd-in-wyoming-unit";

/** A subsection front whose first page lists two stories with photos, below the fold on a phone. */
export const FRONT_WITH_PHOTOS = "/national/science";

/** The five pages of the accessibility scans. Article paths come from the suite's database. */
export function scannedPages(): ReaderPage[] {
  return [
    { name: "home", path: "/" },
    { name: "section front", path: "/national" },
    { name: "subsection front", path: "/national/politics" },
    { name: "seed article", path: seedArticleRef().path },
    { name: "404 page", path: "/no-such-page-for-the-a11y-scan" },
  ];
}

/** Home, a section front and the seed article: the layout checks and screenshots. */
export function layoutPages(): ReaderPage[] {
  return [
    { name: "home", path: "/" },
    { name: "section front", path: "/national" },
    { name: "seed article", path: seedArticleRef().path },
  ];
}

/** The article with a lead photo. */
export function photoArticle(): ReaderPage {
  return { name: "photo article", path: articleByExternalId(PHOTO_ARTICLE_EXTERNAL_ID).path };
}

/** The widths of the overflow checks (CSS px), from a small phone to a wide monitor. */
export const WIDTHS = [320, 390, 768, 1024, 1440] as const;

/**
 * Scrolls through the whole page and back, so lazy images load (for screenshots and image
 * checks), then waits until every image has loaded.
 */
export async function loadAllImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight - 100);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      // "instant": the page's smooth scrolling would only start each jump before the next.
      window.scrollTo({ top: y, behavior: "instant" });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    window.scrollTo({ top: 0, behavior: "instant" });
  });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
}

/** How far the page scrolls sideways: the document's scroll width minus the viewport's width (0 when none). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
