import type { ReactNode } from "react";
import { RailsAside } from "../rails/RailsAside";

/**
 * The page grid: content, and beside it on desktops (below it on phones) the rails.
 * `rails="latest"` shows LATEST NEWS only (error pages).
 */
export function WithRails({
  children,
  rails = "all",
}: {
  children: ReactNode;
  rails?: "all" | "latest";
}) {
  return (
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-x-10 gap-y-10 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div className="min-w-0">{children}</div>
      <RailsAside only={rails === "latest" ? "latest" : undefined} />
    </div>
  );
}
