import { RAILS } from "@/lib/rails";
import { LiveRail } from "./LiveRail.island";

/**
 * The rails column of the 404 and error pages: LATEST NEWS alone, loaded in the browser (no
 * server data, so it adds nothing to the RSC payload every page carries for the 404 page, and it
 * still works on an error page whose render failed). Says "Loading…" until the stories arrive.
 */
export function LatestRailAside() {
  return (
    <aside aria-label="News rails" className="no-print">
      <LiveRail rail={RAILS.latest} />
    </aside>
  );
}
