import { expect, type BrowserContext, type Page } from "@playwright/test";

/**
 * The article page reports a view with `fetch("/api/views")` and never reads the answer. Chromium
 * only finishes a response whose body the page reads (microsoft/playwright#6666), so Playwright
 * could never read it either. This init script reads a copy of that body in the page (the
 * request itself is untouched), so the tests can check what the server answered.
 */
export async function readViewAnswers(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await original(...args);
      if (new URL(response.url, location.href).pathname === "/api/views")
        void response
          .clone()
          .text()
          .catch(() => undefined);
      return response;
    };
  });
}

/** Opens `path` and returns the JSON answer to the page's POST /api/views (status 200). */
export async function openAndReport(page: Page, path: string): Promise<unknown> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/views" && r.request().method() === "POST",
    ),
    page.goto(path),
  ]);
  expect(response.status()).toBe(200);
  return response.json();
}
