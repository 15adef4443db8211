"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * One TanStack Query client per browser tab, and one per server render (useState runs per
 * request on the server), so no data from one request or reader can reach another's HTML.
 * Queries are fresh for 60 s, matching the server's cache, so hydrated rails are not fetched again on load.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
