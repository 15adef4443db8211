import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getLatestRail, getMostPopularRail } from "@/lib/news";
import { RAILS, railQueryKey } from "@/lib/rails";
import { LiveRail } from "./LiveRail.island";

type Props = { only?: "latest" };

/**
 * The rails column (an `aside` landmark): MOST POPULAR and LATEST NEWS, or LATEST NEWS alone
 * (`only="latest"`, on the search page). Data comes from the server's cache and is handed to TanStack
 * Query through a QueryClient made for this render only, then dehydrated into the HTML.
 */
export async function RailsAside({ only }: Props) {
  const queryClient = new QueryClient();
  const [mostPopular, latest] = await Promise.all([
    only ? null : getMostPopularRail(RAILS.mostPopular.size),
    getLatestRail(RAILS.latest.size),
  ]);
  if (mostPopular) queryClient.setQueryData(railQueryKey(RAILS.mostPopular.key), mostPopular);
  queryClient.setQueryData(railQueryKey(RAILS.latest.key), latest);
  return (
    <aside aria-label="News rails" className="no-print">
      <HydrationBoundary state={dehydrate(queryClient)}>
        {mostPopular && <LiveRail rail={RAILS.mostPopular} />}
        <LiveRail rail={RAILS.latest} />
      </HydrationBoundary>
    </aside>
  );
}
