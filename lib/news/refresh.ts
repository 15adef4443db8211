import { readConfig, type Config } from "../config";
import { isSameSecret, localSecret } from "../local-secret";
import { FRESH_SECONDS, type NewsTag } from "./freshness";
import { forgetStates } from "./states";

/** How telling the caches went: done here, sent to the running server, or why not. */
export type RefreshOutcome =
  | { refreshed: "here" | "server"; tags: NewsTag[] }
  | { refreshed: false; tags: NewsTag[]; note: string };

/** The path of the route that takes revalidation requests from the command-line tools. */
export const REVALIDATE_PATH = "/api/revalidate";

const inServer = () => process.env.NEXT_RUNTIME === "nodejs";

/**
 * Makes the change behind `tags` show at once instead of after the freshness window.
 * Inside the Next.js server (a route handler or Server Action), expires the tagged entries of
 * its data and page caches (`revalidateTag` with `{ expire: 0 }`: the next request renders
 * afresh, nobody is served the old copy) and forgets the proxy's memo of story states.
 * Anywhere else (`npm run import`, `npm run withdraw`), asks the running server to do that
 * through POST /api/revalidate with the revalidation secret. Never throws: when no server
 * answers, the write has still happened and the outcome says so (the change then shows within
 * FRESH_SECONDS once a server runs).
 */
export async function refreshTags(
  tags: NewsTag[],
  config: Config = readConfig(),
): Promise<RefreshOutcome> {
  if (inServer()) {
    const { revalidateTag } = await import("next/cache");
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    forgetStates();
    return { refreshed: "here", tags };
  }
  const url = `${config.serverUrl}${REVALIDATE_PATH}`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${localSecret("revalidate-secret", config)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) return { refreshed: "server", tags };
    return { refreshed: false, tags, note: `${url} answered ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { refreshed: false, tags, note: `no server answered at ${url} (${cause})` };
  }
}

/** Whether `authorization` ("Bearer …") carries the revalidation secret; constant-time. */
export function isRevalidateSecret(authorization: string | null, config = readConfig()): boolean {
  const presented = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  return isSameSecret(presented, localSecret("revalidate-secret", config));
}

/**
 * The line a command-line tool prints about telling the running server what changed: that
 * readers see it now, or, when no server answered, that they will within the freshness window.
 */
export function refreshNote(refresh: RefreshOutcome | null): string | null {
  if (!refresh) return null;
  if (refresh.refreshed) return "the running server shows the change now";
  return `note: ${refresh.note}; the change is saved, and a running site shows it within a minute (two freshness windows of ${FRESH_SECONDS} s: data, then page)`;
}
