import http from "node:http";
import { expect, type Page } from "@playwright/test";
import { BASE_URL } from "./env";

/**
 * What every error page of the site must be to a reader without JavaScript (404, 410, 500, 503:
 * docs/decisions/032-error-pages.md), checked on the page
 * as loaded: the language, the stylesheet, the masthead linking home, one h1 saying what
 * happened, links to the front page and search (and to `section`, the front the reader was in,
 * when there is one), and exactly one robots tag, `noindex`.
 */
export async function expectCompleteErrorPage(
  page: Page,
  { heading, section }: { heading: string; section?: { name: string; path: string } },
): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", /^[a-z]{2}/);
  expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);
  const masthead = page.locator("body > header");
  await expect(masthead).toBeVisible();
  await expect(masthead.locator('a[href="/"]').first()).toBeVisible();
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("h1")).toHaveText(heading);
  const main = page.locator("main");
  await expect(main.getByRole("link", { name: "Go to the front page" })).toHaveAttribute(
    "href",
    "/",
  );
  await expect(main.getByRole("link", { name: "Search the site" })).toHaveAttribute(
    "href",
    "/search",
  );
  if (section)
    await expect(main.getByRole("link", { name: `More from ${section.name}` })).toHaveAttribute(
      "href",
      section.path,
    );
  else await expect(main.getByRole("link", { name: /^More from / })).toHaveCount(0);
  const robots = page.locator('meta[name="robots"]');
  await expect(robots).toHaveCount(1);
  await expect(robots).toHaveAttribute("content", /noindex/);
}

/** A response read with no redirect followed: its status, Location and body. */
export type RawResponse = { status: number; location: string | null; body: string };

/**
 * GET `target` sent exactly as written ("//x/", "/world/%2e%2e"): browsers and Playwright's
 * request context resolve dot segments and read "//x" as another host before sending.
 * `base`: the server (the suite's by default).
 */
export function rawGet(target: string, base = BASE_URL): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path: target, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}
