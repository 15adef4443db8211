import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../e2e/support/env";

/** Compressed bytes a first visit downloads, as Chromium received them. */
export type PageWeight = {
  name: string;
  url: string;
  /** The HTML document's body as transferred (gzip from `npm start`). */
  htmlBytes: number;
  /** Every script of the first load, as transferred. */
  jsBytes: number;
  scripts: number;
};

/**
 * Loads each page in a fresh browser context (empty cache) with Chromium at `executablePath`,
 * waits for the network to go quiet, and adds up the transferred (compressed) body sizes of the
 * document and of the scripts.
 */
export async function measurePageWeights(
  pages: Array<{ name: string; url: string }>,
  executablePath: string | undefined,
): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const results: PageWeight[] = [];
    for (const { name, url } of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const pending: Array<Promise<{ type: string; bytes: number }>> = [];
      page.on("requestfinished", (request) => {
        pending.push(
          request
            .sizes()
            .then((sizes) => ({ type: request.resourceType(), bytes: sizes.responseBodySize })),
        );
      });
      const response = await page.goto(url, { waitUntil: "networkidle" });
      if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
      const finished = await Promise.all(pending);
      const scripts = finished.filter((f) => f.type === "script");
      results.push({
        name,
        url,
        htmlBytes: finished.find((f) => f.type === "document")?.bytes ?? 0,
        jsBytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
        scripts: scripts.length,
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
