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

/**
 * Opens `path` and returns the JSON answer to the page's POST /api/views (status 200). A reader
 * without the cookie is first answered "new-reader" and the page posts again: the answer returned
 * is the last one.
 */
export async function openAndReport(page: Page, path: string): Promise<unknown> {
  const [response] = await Promise.all([
    page.waitForResponse(
      async (r) =>
        new URL(r.url()).pathname === "/api/views" &&
        r.request().method() === "POST" &&
        ((await r.json()) as { reason?: string }).reason !== "new-reader",
    ),
    page.goto(path),
  ]);
  expect(response.status()).toBe(200);
  return response.json();
}

/** The view ticket an article page carries, read from its HTML as any client could. */
export function ticketIn(html: string, articleId: number): string {
  const ticket = new RegExp(`(?<![\\w.])${articleId}\\.\\d+\\.[\\w-]{22}(?![\\w-])`).exec(
    html,
  )?.[0];
  expect(ticket, "the article page carries a view ticket").toBeTruthy();
  return ticket!;
}
