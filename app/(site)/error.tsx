"use client";

import { ErrorView } from "@/components/errors/ErrorView";

/**
 * The error page for a public page that failed to render, inside the site's frame
 * (app/(site)/layout.tsx: header and footer), with a retry. Says nothing of the cause. Next.js shows it in the browser only: the HTML of a
 * failed render is an empty shell, which server.mjs replaces with app/(site)/errors/'s 500 page
 * (docs/decisions/032-error-pages.md).
 */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
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
  );
}
