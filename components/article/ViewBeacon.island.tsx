"use client";

import { useEffect } from "react";

/**
 * Counts one page view when an article is really opened in a browser: it runs after the page
 * mounts (link prefetches never mount a page) and, for a page prerendered by the browser, only
 * once the reader actually shows it. Crawlers and repeat views within 30 minutes are filtered by
 * the server (app/api/views). Renders nothing.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const send = () => {
      void fetch("/api/views", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ articleId }),
      })
        // Nothing to read: release the response so the connection closes at once.
        .then((response) => response.body?.cancel())
        .catch(() => undefined);
    };
    const doc = document as Document & { prerendering?: boolean };
    if (doc.prerendering) {
      document.addEventListener("prerenderingchange", send, { once: true });
      return () => document.removeEventListener("prerenderingchange", send);
    }
    send();
  }, [articleId]);
  return null;
}
