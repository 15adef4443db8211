import "server-only";

/**
 * The news module: the one door of app/, components/ and proxy.ts to Herald's data. Reads are
 * cached and tagged (reads.ts, freshness.ts); writes refresh what they change (writes.ts,
 * refresh.ts); preview reads around the caches (preview.ts); storage sits behind the NewsStore
 * seam (store.ts, sqlite/). Command-line tools, which run outside Next.js, import the files they
 * need directly (setup, writes, refresh, connect, bench), never sqlite/. docs/architecture.md
 * has the map.
 */
export * from "./reads";
export { getSiteFrame, type SiteFrame } from "./last-known";
export {
  getLegacyPath,
  getStoryState,
  isStoryListPage,
  isSectionFrontPath,
  probeStore,
} from "./states";
export {
  getArticleForPage,
  getStoryStateNow,
  isPreviewLinkLive,
  previewedArticleId,
  startPreviewSession,
  type PreviewState,
} from "./preview";
export { recordPageView, withdrawStory } from "./writes";
export { isRevalidateSecret, refreshTags } from "./refresh";
export { ALL_TAGS, FRESH_SECONDS, TAGS, type NewsTag } from "./freshness";
export { currentOutage, RETRY_AFTER_SECONDS, StoreUnavailableError } from "./outage";
export { REPEAT_VIEW_WINDOW_MS, type PageView, type ViewOutcome } from "./store";
