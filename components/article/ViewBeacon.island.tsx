"use client";

import { useEffect } from "react";

/**
 * Counts one page view when an article is really opened in a browser: it runs after the page
 * mounts (link prefetches never mount a page) and, for a page prerendered by the browser, only
 * once the reader actually shows it. It sends the page's view ticket (the proof the page was
 * loaded); a reader's first post only gets the reader cookie ("new-reader"), so it posts once
 * more, now with the cookie. Crawlers, repeat views within 30 minutes and floods are filtered by
 * the server (app/api/views, docs/decisions/020). Renders nothing.
 */
export function ViewBeacon({ articleId, ticket }: { articleId: number; ticket: string }) {
  useEffect(() => {
    const send = () => {
      void report(articleId, ticket).catch(() => undefined);
    };
    const doc = document as Document & { prerendering?: boolean };
    if (doc.prerendering) {
      document.addEventListener("prerenderingchange", send, { once: true });
      return () => document.removeEventListener("prerenderingchange", send);
    }
    send();
  }, [articleId, ticket]);
  return null;
}

/** Posts the view; posts it once more when the answer was "new-reader" (the cookie is now set). */
async function report(articleId: number, ticket: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const response = await fetch("/api/views", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ articleId, ticket }),
    });
    const answer = (await response.json().catch(() => null)) as { reason?: string } | null;
    if (answer?.reason !== "new-reader") return;
  }
}
