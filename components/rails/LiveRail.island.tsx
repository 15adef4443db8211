"use client";

import { useQuery } from "@tanstack/react-query";
import type { Rail } from "@/lib/domain";
import { RAIL_REFRESH_MS, railQueryKey, type RailSpec } from "@/lib/rails";
import { RailList } from "./RailList";

async function fetchRail(endpoint: string): Promise<Rail> {
  const response = await fetch(endpoint, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
  return (await response.json()) as Rail;
}

/**
 * A rail kept fresh in the browser: its first data comes hydrated from the server render (no
 * fetch on load), then TanStack Query refetches it from the JSON route every 60 s while the tab
 * is visible (refetches pause in background tabs). If a refresh fails, the last stories stay.
 * Without server data (the 404 and error pages) it loads in the browser and says so meanwhile.
 * `rail`: which one, from RAILS (lib/rails.ts).
 */
export function LiveRail({ rail }: { rail: RailSpec }) {
  const { key: railKey, endpoint, title, numbered } = rail;
  const { data, isError } = useQuery({
    queryKey: railQueryKey(railKey),
    queryFn: () => fetchRail(endpoint),
    refetchInterval: RAIL_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: RAIL_REFRESH_MS,
    refetchOnMount: false,
  });
  return (
    <section aria-labelledby={`rail-${railKey}`} className="mb-8">
      <RailList
        rail={data ?? (isError ? { items: [], window: null } : null)}
        numbered={numbered}
        headingId={`rail-${railKey}`}
        title={title}
      />
    </section>
  );
}
