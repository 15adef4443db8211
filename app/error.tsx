"use client";

import Link from "next/link";
import { PageGrid } from "@/components/layout/PageGrid";
import { LatestRailAside } from "@/components/rails/LatestRailAside";

/**
 * The error page for a page that failed to render: keeps the header and footer (from the root
 * layout) and LATEST NEWS (fetched in the browser), and offers a retry. Says nothing of the cause.
 */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <PageGrid aside={<LatestRailAside />}>
      <h1 className="font-serif text-4xl font-bold">Something went wrong</h1>
      <p className="mt-4 max-w-[65ch] text-lg">
        This page could not be shown just now. Please try again in a moment.
      </p>
      <p className="mt-6 flex flex-wrap gap-4">
        <button
          type="button"
          onClick={reset}
          className="min-h-11 border border-ink px-4 font-semibold hover:underline"
        >
          Try again
        </button>
        <Link
          prefetch={false}
          href="/"
          className="inline-flex min-h-11 items-center font-semibold underline"
        >
          Go to the front page
        </Link>
      </p>
    </PageGrid>
  );
}
