import type { ChunkParser, LineSource } from "../import/parse-pipeline";
import type { ImportReport } from "../import/report";
import { getStore } from "./connect";
import { TAGS } from "./freshness";
import { refreshTags, type RefreshOutcome } from "./refresh";
import type { PageView, ViewOutcome } from "./store";

/**
 * The news module's writes. Each one refreshes exactly the cache tags it changes
 * (lib/news/refresh.ts), so readers see the change at once, from the server or the command line.
 */

/**
 * Withdraws public story `id` now: its URL answers 410 Gone and it leaves every page, rail,
 * feed, sitemap and search at once. `withdrawn` is false for an unknown, unpublished or already
 * withdrawn story (then nothing is refreshed).
 */
export async function withdrawStory(
  id: number,
): Promise<{ withdrawn: boolean; refresh: RefreshOutcome | null }> {
  const withdrawn = await (await getStore()).withdraw(id, new Date().toISOString());
  return { withdrawn, refresh: withdrawn ? await refreshTags([TAGS.articles]) : null };
}

/**
 * Imports stories from JSON Lines (docs/content.md, "Import format"): bad lines are reported and skipped,
 * re-imported ids update their story. Refreshes the stories' tag when anything was written (an
 * import adds no sections or photographs: a record naming an unknown one is skipped). `parse`: lib/import/parse-thread.ts for large files (scripts).
 */
export async function importStories(
  source: LineSource,
  options: { parse?: ChunkParser } = {},
): Promise<{ report: ImportReport; refresh: RefreshOutcome | null }> {
  const report = await (await getStore()).importLines(source, options);
  const changed = report.inserted + report.updated > 0;
  return { report, refresh: changed ? await refreshTags([TAGS.articles]) : null };
}

/**
 * Counts a reader's view of a public story (once per reader and story per 30 minutes). Refreshes
 * nothing: MOST POPULAR is re-ranked on its own schedule, within FRESH_SECONDS of a page load.
 * A view is worth less than the reader's page: when the database fails the write (read-only,
 * full, damaged, busy, not set up) the view is dropped with one log line and the outcome is
 * "unavailable". Never throws.
 */
export async function recordPageView(view: PageView): Promise<ViewOutcome> {
  try {
    return await (await getStore()).recordPageView(view);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `herald: page view of story ${view.articleId} dropped: ${typeof code === "string" ? `${code} ` : ""}${message}`,
    );
    return { counted: false, reason: "unavailable" };
  }
}
