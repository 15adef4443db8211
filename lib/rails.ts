/**
 * The two rails every page carries, as the seed page names them. `endpoint` is the JSON route
 * the browser refreshes them from; `size` is how many stories each shows; `numbered`: a ranking
 * (MOST POPULAR) shows its places, a time line (LATEST NEWS) does not.
 */
export const RAILS = {
  mostPopular: {
    key: "most-popular",
    title: "MOST POPULAR",
    endpoint: "/api/rails/most-popular",
    size: 10,
    numbered: true,
  },
  latest: {
    key: "latest",
    title: "LATEST NEWS",
    endpoint: "/api/rails/latest",
    size: 10,
    numbered: false,
  },
} as const;

/** One rail of RAILS. */
export type RailSpec = (typeof RAILS)[keyof typeof RAILS];

export type RailKey = RailSpec["key"];

/** How often an open, visible page refreshes its rails (milliseconds). */
export const RAIL_REFRESH_MS = 60_000;

/** TanStack Query key of a rail; the same on server and client. */
export const railQueryKey = (key: RailKey) => ["rail", key] as const;
