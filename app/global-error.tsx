"use client";

import { ErrorView, ERROR_TEXT } from "@/components/errors/ErrorView";
import { FallbackFrame } from "@/components/layout/FallbackFrame";
import "./globals.css";

/**
 * The last resort when the root layout itself fails (not for lack of a database: the layout
 * then uses what it last read, lib/news/last-known.ts): a page of its own, with the stylesheet,
 * the skip link and a minimal masthead (FallbackFrame: the publication could not be read), the
 * message and a retry (the Query provider, for LATEST NEWS, comes with the frame). No robots tag:
 * Next.js adds `noindex` to a page answered with an error status.
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
        <FallbackFrame name="Front page">
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
        </FallbackFrame>
      </body>
    </html>
  );
}
