import type { Config } from "./config";

/**
 * What several instances of one site must share, and therefore take from the environment rather
 * than make for themselves (docs/decisions/034-shared-redis-cache.md). Each instance would
 * otherwise make its own beside its database (lib/local-secret.ts) or at build:
 * - DRAFT_SECRET: preview links and sessions signed by one instance must open on the others;
 * - REVALIDATE_SECRET: the command-line tools' refresh must be accepted by whichever answers;
 * - HERALD_VIEW_SECRET: a page-view ticket from one instance must count on another;
 * - HERALD_AUTH_SECRET (or BETTER_AUTH_SECRET): a newsroom session signed by one instance must
 *   open on the others;
 * - NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Next.js encrypts Server Action ids and closures with it;
 * - HERALD_DEPLOYMENT_ID: one build id for assets and actions, and the shared cache's key scope.
 */
export const SHARED_SETTINGS = [
  "DRAFT_SECRET",
  "REVALIDATE_SECRET",
  "HERALD_VIEW_SECRET",
  "HERALD_AUTH_SECRET",
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  "HERALD_DEPLOYMENT_ID",
] as const;

/**
 * The settings of SHARED_SETTINGS that `config` lacks, when it names a shared cache (several
 * instances); none with one instance.
 */
export function missingSharedSettings(config: Config): string[] {
  if (!config.redisUrl) return [];
  const present: Record<(typeof SHARED_SETTINGS)[number], boolean> = {
    DRAFT_SECRET: config.draftSecret !== null,
    REVALIDATE_SECRET: config.revalidateSecret !== null,
    HERALD_VIEW_SECRET: config.viewSecret !== null,
    HERALD_AUTH_SECRET: config.authSecret !== null,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: config.hasServerActionsKey,
    HERALD_DEPLOYMENT_ID: config.deploymentId !== null,
  };
  return SHARED_SETTINGS.filter((name) => !present[name]);
}

/**
 * Throws an Error with one line naming what is missing (for the start check), or returns.
 */
export function requireSharedSettings(config: Config): void {
  const missing = missingSharedSettings(config);
  if (missing.length === 0) return;
  throw new Error(
    `HERALD_REDIS_URL is set, so several instances share this site, and each needs the same ${missing.join(", ")} in its environment (docs/caching.md)`,
  );
}
