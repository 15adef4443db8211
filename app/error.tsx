"use client";

import { ErrorView } from "@/components/errors/ErrorView";
import { FallbackFrame } from "@/components/layout/FallbackFrame";

/**
 * The error page for a failure outside the public pages' own error page (app/(site)/error.tsx):
 * a newsroom page, or the site's frame itself (app/(site)/layout.tsx). It renders in the root
 * layout, which draws no frame (decisions/042), so it brings a minimal one (FallbackFrame), the
 * message and a retry. Says nothing of the cause. Like every error.tsx, shown in the browser
 * only (docs/decisions/032-error-pages.md).
 */
export default function RootErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
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
  );
}
