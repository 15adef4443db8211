import { cacheBytes } from "../cache/memory-cache-handler.mjs";
import { readConfig } from "../config";
import { requireSharedSettings } from "../shared-settings";
import { checkStoreForServing } from "./connect";

/**
 * Checks the settings, HERALD_CACHE_MB, what several instances must share (with HERALD_REDIS_URL,
 * lib/shared-settings.ts) and the database before a server serves anything (instrumentation.ts
 * calls it): when a check fails, logs one line, "herald: cannot start: <file> <reason>", and ends the process with
 * status 1, so a supervisor sees the failure instead of a server answering 500s (docs/deploy.md).
 */
export async function checkOrExit(): Promise<void> {
  try {
    cacheBytes(process.env.HERALD_CACHE_MB); // a malformed size would fail every page later
    requireSharedSettings(readConfig());
    const note = await checkStoreForServing();
    if (note) console.log(`herald: note: ${note}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`herald: cannot start: ${reason}`);
    process.exit(1);
  }
}
