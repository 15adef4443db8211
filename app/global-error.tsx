"use client";

import { ErrorView, ERROR_TEXT } from "@/components/errors/ErrorView";
import { MinimalHeader } from "@/components/layout/MinimalHeader";
import "./globals.css";

/**
 * The last resort when the root layout itself fails (not for lack of a database: the layout
 * then uses what it last read, lib/news/last-known.ts): a page of its own, with the stylesheet,
 * a minimal masthead (the publication could not be read), the message and a retry. No robots
 * tag: Next.js adds `noindex` to a page answered with an error status.
 */
export default function GlobalError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <title>{ERROR_TEXT[500].title}</title>
        <MinimalHeader name="Front page" />
        <main id="main" className="flex-1">
          <ErrorView
            status={500}
            action={
              <button
                type="button"
                onClick={reset}
                className="min-h-11 border border-ink px-4 font-semibold hover:underline"
              >
                Try again
              </button>
            }
          />
        </main>
      </body>
    </html>
  );
}
