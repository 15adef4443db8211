import { unstable_cache } from "next/cache";
import { FRESH_SECONDS } from "../cached";
import { getDb } from "../db/connection";
import { loadFeedInput } from "./feed-data";
import { buildRssFeed } from "./feeds";

/**
 * The RSS documents, through Next.js's data cache like the pages' reads (lib/cached.ts): a feed
 * request costs no database query while an entry is fresh. Tagged `articles`, `sections` and
 * `publication` (the feed's title), and refreshed after FRESH_SECONDS, so a new or newly due story
 * reaches the feeds within about a minute. "Now" is read when the entry is filled.
 */

/**
 * The RSS 2.0 document of the whole site (`segments` []) or of the section front at `segments`
 * (["national"] or ["national", "politics"]), or null for an unknown section.
 */
export const cachedRssFeed = unstable_cache(
  async (segments: string[]): Promise<string | null> => {
    const input = await loadFeedInput(await getDb(), segments, new Date().toISOString());
    return input ? buildRssFeed(input) : null;
  },
  ["rss-feed"],
  { tags: ["articles", "sections", "publication"], revalidate: FRESH_SECONDS },
);

/** Content-Type of the feeds. */
export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

/** The HTTP answer for a feed document, or a plain 404 for null (no such feed). */
export function rssResponse(xml: string | null): Response {
  if (xml === null) return new Response("Not found", { status: 404 });
  return new Response(xml, { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}
