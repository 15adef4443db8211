import { sharedRefreshCount } from "../cache/cache-rules.mjs";
import type { ArticleState } from "../domain";
import { getStore } from "./connect";
import { FRESH_SECONDS } from "./freshness";

/**
 * What proxy.ts asks on every article and section request, kept in this process's memory for
 * FRESH_SECONDS so most requests cost no query: a story's state (for the slug redirect, 404 and
 * 410 Gone), the set of section front paths (for lower-casing "/National" and the 404 of an
 * unknown subsection) and where the earlier site's URLs now live (/view.php, /list.php). The
 * proxy runs in its own bundle, so the memo lives on globalThis, where lib/news/refresh.ts clears
 * it when a write changes stories or sections. With several instances, a write on another one
 * clears it too: the shared cache's watch counts the refreshes it sees (lib/cache/cache-rules.mjs
 * sharedRefreshCount), and a memo made before the latest is dropped.
 */
const TTL_MS = FRESH_SECONDS * 1000;
const MAX_STATES = 10_000;

type Memo = {
  states: Map<number, { state: ArticleState | null; expires: number }>;
  fronts: { paths: Set<string>; expires: number } | null;
  legacy: Map<string, { path: string | null; expires: number }>;
  lists: Map<string, { exists: boolean; expires: number }>;
  /** sharedRefreshCount() when the memo was last emptied. */
  refreshes: number;
};
const holder = globalThis as typeof globalThis & { __heraldStates?: Memo };
const memo = (): Memo => {
  const m = (holder.__heraldStates ??= {
    states: new Map(),
    fronts: null,
    legacy: new Map(),
    lists: new Map(),
    refreshes: sharedRefreshCount(),
  });
  // A memo made by an earlier version of this module (development reloads).
  m.legacy ??= new Map();
  m.lists ??= new Map();
  if (m.refreshes !== sharedRefreshCount()) forget(m); // another instance changed stories
  return m;
};

/** Where story `id` stands for readers now (public, withdrawn, unpublished), or null if unknown. */
export async function getStoryState(id: number): Promise<ArticleState | null> {
  const { states } = memo();
  const now = Date.now();
  const hit = states.get(id);
  if (hit && hit.expires > now) return hit.state;
  const state = await (await getStore()).articleState(id, new Date(now).toISOString());
  if (states.size >= MAX_STATES) states.delete(states.keys().next().value!);
  states.set(id, { state, expires: now + TTL_MS });
  return state;
}

/** Whether `path` ("/national", "/national/politics") is a section front's path. */
export async function isSectionFrontPath(path: string): Promise<boolean> {
  const m = memo();
  const now = Date.now();
  if (!m.fronts || m.fronts.expires <= now) {
    const tree = await (await getStore()).sectionTree();
    const paths = new Set(tree.flatMap((top) => [top.path, ...top.children.map((c) => c.path)]));
    m.fronts = { paths, expires: now + TTL_MS };
  }
  return m.fronts.paths.has(path);
}

/**
 * Where an earlier site's URL now lives: the canonical path of the public story whose legacy id
 * is `code` (kind "article", from /view.php?ud=), or of the section front whose legacy code it is
 * (kind "section", /list.php?ct=); null when there is none. `code` must be well formed
 * (legacyArticleIdSchema, legacySectionCodeSchema in lib/urls.ts).
 */
export async function getLegacyPath(
  kind: "article" | "section",
  code: string,
): Promise<string | null> {
  const { legacy } = memo();
  const key = `${kind}:${code}`;
  const now = Date.now();
  const hit = legacy.get(key);
  if (hit && hit.expires > now) return hit.path;
  const store = await getStore();
  const path =
    kind === "article"
      ? await store.legacyArticlePath(code, new Date(now).toISOString())
      : await store.legacySectionPath(code);
  if (legacy.size >= MAX_STATES) legacy.delete(legacy.keys().next().value!);
  legacy.set(key, { path, expires: now + TTL_MS });
  return path;
}

/**
 * Whether the page of an author's or a tag's stories with slug `slug` (decoded, NFC) after story
 * `before` (null: the first page) exists: a known author or tag with a public story, and a cursor
 * that marks a place in its list (NewsStore.authorPage, tagPage).
 */
export async function isStoryListPage(
  kind: "author" | "tag",
  slug: string,
  before: number | null,
): Promise<boolean> {
  const { lists } = memo();
  const key = `${kind}:${slug}:${before ?? ""}`;
  const now = Date.now();
  const hit = lists.get(key);
  if (hit && hit.expires > now) return hit.exists;
  const store = await getStore();
  const at = new Date(now).toISOString();
  const page =
    kind === "author"
      ? await store.authorPage(slug, before, at)
      : await store.tagPage(slug, before, at);
  if (lists.size >= MAX_STATES) lists.delete(lists.keys().next().value!);
  lists.set(key, { exists: page !== null, expires: now + TTL_MS });
  return page !== null;
}

/** Forgets every memo of this process (called when stories or sections change). */
export function forgetStates(): void {
  forget(memo());
}

function forget(m: Memo): void {
  m.states.clear();
  m.fronts = null;
  m.legacy.clear();
  m.lists.clear();
  m.refreshes = sharedRefreshCount();
}

const PROBE_EVERY_MS = 1_000;
const probes = globalThis as typeof globalThis & { __heraldProbedAt?: number };

/**
 * Runs the store's cheap probe (NewsStore.probe) at most once a second, so a database damaged
 * under the running server is noted as an outage (lib/news/outage.ts) within a second, before a
 * page render meets it. Never throws: a failure is noted, and the proxy answers 503.
 */
export async function probeStore(now = Date.now()): Promise<void> {
  if (now - (probes.__heraldProbedAt ?? 0) < PROBE_EVERY_MS) return;
  probes.__heraldProbedAt = now;
  try {
    await (await getStore()).probe();
  } catch {
    // The store's guard (lib/news/connect.ts) has noted the outage; anything else is the next
    // request's to meet.
  }
}
