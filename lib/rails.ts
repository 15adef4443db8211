/**
 * The two rails every page carries, as the seed page names them. `endpoint` is the JSON route
 * the browser refreshes them from; `size` is how many stories each shows.
 */
export const RAILS = {
  mostPopular: {
    key: "most-popular",
    title: "MOST POPULAR",
    endpoint: "/api/rails/most-popular",
    size: 10,
  },
  latest: { key: "latest", title: "LATEST NEWS", endpoint: "/api/rails/latest", size: 10 },
} as const;

export type RailKey = (typeof RAILS)[keyof typeof RAILS]["key"];

/** How often an open, visible page refreshes its rails (milliseconds). */
export const RAIL_REFRESH_MS = 60_000;

/** TanStack Query key of a rail; the same on server and client. */
export const railQueryKey = (key: RailKey) => ["rail", key] as const;
