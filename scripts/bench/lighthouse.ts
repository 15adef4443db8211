import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { quantile } from "./data-layer";
import { CHROMIUM_ARGS } from "../../e2e/support/env";

/** Medians of several Lighthouse runs of one page (mobile, Lighthouse's default settings). */
export type LighthouseResult = {
  name: string;
  url: string;
  runs: number;
  /** Category scores, 0-100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Largest Contentful Paint and Total Blocking Time in ms; Cumulative Layout Shift unitless. */
  lcp: number;
  tbt: number;
  cls: number;
};

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * Asks for `url` until the server answers from a fresh cache entry (`x-nextjs-cache` is not
 * STALE). A page is stale again 30 s after it was rendered, and the round-robin below comes back
 * to each page later than that, so without this every Lighthouse load would set off the page's
 * regeneration on the server while the browser parses it. Here the two share two cores; a phone
 * and a server never do. Gives up after 10 s.
 */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.headers.get("x-nextjs-cache") !== "STALE") return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * Runs Lighthouse `runs` times on each page with Chromium at `chromePath` (mobile emulation and
 * simulated throttling: Lighthouse's defaults), round-robin so a slow moment of the machine
 * spreads over all pages, each load from a fresh cache entry (see `settle`), and reports each
 * page's medians. Throws when a run fails.
 */
export async function runLighthouse(
  pages: Array<{ name: string; url: string }>,
  options: { runs: number; chromePath: string | undefined; log?: (line: string) => void },
): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: options.chromePath,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  const samples = new Map<string, Array<Record<string, number>>>();
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      for (const page of pages) {
        options.log?.(`lighthouse run ${run}/${options.runs}: ${page.name}`);
        await settle(page.url);
        const result = await lighthouse(page.url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        });
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError)
          throw new Error(`lighthouse failed on ${page.url}: ${lhr?.runtimeError?.message}`);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        const list = samples.get(page.url) ?? [];
        list.push({
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          seo: score("seo"),
          lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"),
        });
        samples.set(page.url, list);
      }
    }
  } finally {
    chrome.kill();
  }
  return pages.map(({ name, url }) => {
    const list = samples.get(url) ?? [];
    const m = (key: string) => median(list.map((s) => s[key] ?? Number.NaN));
    return {
      name,
      url,
      runs: list.length,
      performance: m("performance"),
      accessibility: m("accessibility"),
      bestPractices: m("bestPractices"),
      seo: m("seo"),
      lcp: m("lcp"),
      tbt: m("tbt"),
      cls: m("cls"),
    };
  });
}
