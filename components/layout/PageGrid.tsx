import type { ReactNode } from "react";

/**
 * The page grid: the content, and beside it on desktops (below it on phones) a rails column of
 * 300 px (`aside`, an `aside` landmark). Presentational only, so the error page (a client
 * component) lays itself out the same way as every other page.
 */
export function PageGrid({ children, aside }: { children: ReactNode; aside: ReactNode }) {
  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-10 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div className="min-w-0">{children}</div>
      {aside}
    </div>
  );
}
