import Link from "next/link";
import type { ReactNode } from "react";
import { PageGrid } from "@/components/layout/PageGrid";
import { LatestRailAside } from "@/components/rails/LatestRailAside";

/** The statuses the site has a page for: not found, withdrawn, failed, briefly unavailable. */
export type ErrorStatus = 404 | 410 | 500 | 503;

/** Each error page's title (the `<title>`) and what it tells the reader. */
export const ERROR_TEXT: Record<ErrorStatus, { title: string; heading: string; body: string }> = {
  404: {
    title: "Page not found",
    heading: "Page not found",
    body: "We could not find that page. The address may be mistyped, or the story may have moved.",
  },
  410: {
    title: "Article withdrawn",
    heading: "This article has been withdrawn",
    body: "The story that was published at this address has been taken down and is no longer available.",
  },
  500: {
    title: "Something went wrong",
    heading: "Something went wrong",
    body: "This page could not be shown just now. Please try again in a moment.",
  },
  503: {
    title: "Briefly unavailable",
    heading: "This page is briefly unavailable",
    body: "We cannot reach our stories just now. Please try again in a minute.",
  },
};

const LINK = "inline-flex min-h-11 items-center font-semibold underline";

/**
 * The body of every error page (app/not-found.tsx, app/(site)/errors/, app/(site)/error.tsx,
 * app/error.tsx, app/global-error.tsx), inside the page's frame: an h1 saying what happened, and ways on: the front page, search, and the
 * section front the reader was in (`section`, when known). `action`: a control placed first (the
 * error page's "Try again"). LATEST NEWS, loaded in the browser (decision 015), is beside the
 * message on the 404, 410 and 500 pages; a 503's would fail too. Presentational, and no client
 * code of its own, so the client error pages can use it.
 */
export function ErrorView({
  status,
  section = null,
  action,
}: {
  status: ErrorStatus;
  section?: { name: string; path: string } | null;
  action?: ReactNode;
}) {
  const text = ERROR_TEXT[status];
  return (
    <PageGrid aside={status === 503 ? null : <LatestRailAside />}>
      <h1 className="font-serif text-4xl font-bold">{text.heading}</h1>
      <p className="mt-4 max-w-[65ch] text-lg">{text.body}</p>
      <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        {action && <li>{action}</li>}
        {section && (
          <li>
            <Link prefetch={false} href={section.path} className={LINK}>
              More from {section.name}
            </Link>
          </li>
        )}
        <li>
          <Link prefetch={false} href="/" className={LINK}>
            Go to the front page
          </Link>
        </li>
        <li>
          <Link prefetch={false} href="/search" className={LINK}>
            Search the site
          </Link>
        </li>
      </ul>
    </PageGrid>
  );
}
