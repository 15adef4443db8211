import { readConfig, type Config } from "../config";
import { openSqliteStore } from "./sqlite/store";
import type { NewsStore } from "./store";

/**
 * Opens the store the configuration names (today always the SQLite file at
 * HERALD_DATABASE_PATH; a second backend is chosen here). Opening only opens: nothing is
 * migrated or loaded (that is lib/news/setup.ts). The caller closes it.
 */
export function openStore(config: Config = readConfig()): NewsStore {
  return openSqliteStore(config.databasePath, config.queryLog);
}

type Holder = { promise?: Promise<NewsStore> };
const holder = globalThis as typeof globalThis & { __heraldStore?: Holder };

/**
 * The process-wide store of a running server, opened on first use and shared by every bundle of
 * the process (the proxy's and the routes'; hence globalThis). Throws, with the command that
 * fixes it, when the database has migrations pending: a server never changes its own schema, so
 * several instances can start at once and an old build never migrates a newer database.
 * A failed open is not kept: the next request tries again.
 */
export function getStore(): Promise<NewsStore> {
  holder.__heraldStore ??= {};
  const h = holder.__heraldStore;
  h.promise ??= (async () => {
    const config = readConfig();
    const store = openStore(config);
    const { pending } = await store.schemaStatus();
    if (pending.length > 0) {
      await store.close();
      throw new Error(
        `The database ${config.databasePath} is not set up (${pending.length} migration(s) pending, ` +
          `from ${pending[0]}). Run \`npm run setup\` with the same HERALD_DATABASE_PATH, then start again.`,
      );
    }
    return store;
  })().catch((error: unknown) => {
    h.promise = undefined;
    throw error;
  });
  return h.promise;
}

/** Closes the process-wide store, if one was opened (command-line tools, before they exit). */
export async function closeStore(): Promise<void> {
  const h = holder.__heraldStore;
  const promise = h?.promise;
  if (!h || !promise) return;
  h.promise = undefined;
  await (await promise.catch(() => null))?.close();
}
