import type { ReactNode } from "react";
import { RailsAside } from "../rails/RailsAside";
import { PageGrid } from "./PageGrid";

/**
 * The page grid with the server-rendered rails beside the content. `rails="latest"` shows
 * LATEST NEWS only (the search page).
 */
export function WithRails({
  children,
  rails = "all",
}: {
  children: ReactNode;
  rails?: "all" | "latest";
}) {
  return (
    <PageGrid aside={<RailsAside only={rails === "latest" ? "latest" : undefined} />}>
      {children}
    </PageGrid>
  );
}
