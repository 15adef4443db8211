import { readConfig, type Config } from "../config";
import { noteStoreFailure, StoreUnavailableError } from "./outage";
import { openSqliteStore } from "./sqlite/store";
import type { NewsStore } from "./store";

/**
 * Opens the store the configuration names (today always the SQLite file at
 * HERALD_DATABASE_PATH; a second backend is chosen here). Opening only opens: nothing is
 * migrated or loaded (that is lib/news/setup.ts). With `create: false` (a server), a database
 * that does not exist is a StoreUnavailableError rather than a new empty file. The caller closes it.
 */
export function openStore(
  config: Config = readConfig(),
  options: { create?: boolean } = {},
): NewsStore {
  return openSqliteStore(config.databasePath, config.queryLog, options);
}

type Holder = { promise?: Promise<NewsStore> };
const holder = globalThis as typeof globalThis & { __heraldStore?: Holder };

/**
 * The process-wide store of a running server, opened on first use and shared by every bundle of
 * the process (the proxy's and the routes'; hence globalThis). Throws StoreUnavailableError, with
 * the command that fixes it, when the database has migrations pending: a server never changes
 * its own schema, so several instances can start at once and an old build never migrates a
 * newer database. A failure of storage on opening or in a read is noted as an outage
 * (lib/news/outage.ts); a failed write is its caller's to report. A failed open is not kept: the next request tries again.
 */
export function getStore(): Promise<NewsStore> {
  holder.__heraldStore ??= {};
  const h = holder.__heraldStore;
  h.promise ??= (async () => {
    const config = readConfig();
    const store = openStore(config, { create: false });
    const { pending } = await store.schemaStatus();
    if (pending.length > 0) {
      await store.close();
      throw notSetUp(config.databasePath, pending);
    }
    return noteFailures(store);
  })().catch((error: unknown) => {
    h.promise = undefined;
    throw noteStoreFailure(error);
  });
  return h.promise;
}

/**
 * The start-up check of a server (instrumentation.ts): opens the configured database on its own
 * connection and checks that it is set up, undamaged and writable (NewsStore.checkHealth).
 * Resolves when the server may serve, with a note for the log or null; otherwise rejects with
 * StoreUnavailableError naming the file and the reason. Notes no outage: a server that fails it
 * does not start.
 */
export async function checkStoreForServing(config: Config = readConfig()): Promise<string | null> {
  const store = openStore(config, { create: false });
  try {
    const { pending } = await store.schemaStatus();
    if (pending.length > 0) throw notSetUp(config.databasePath, pending);
    return await store.checkHealth();
  } finally {
    await store.close().catch(() => undefined);
  }
}

function notSetUp(file: string, pending: string[]): StoreUnavailableError {
  return new StoreUnavailableError(
    `${file} is not set up (${pending.length} migration(s) pending, from ${pending[0]}). ` +
      "Run `npm run setup` with the same HERALD_DATABASE_PATH, then start again.",
  );
}

/**
 * Methods that write: their failures are the caller's to report (a page view is dropped, an
 * import reports it), and pages, which only read, may still be served.
 */
const WRITES = new Set([
  "recordPageView",
  "withdraw",
  "importLines",
  "migrate",
  "seedDefaultContent",
]);

/** `store` with every failure of storage in a read noted as an outage before it is thrown on. */
export function noteFailures(store: NewsStore): NewsStore {
  const noted = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store)) {
    const call = (...args: unknown[]) =>
      (method as (...a: unknown[]) => Promise<unknown>).apply(store, args);
    noted[name] = WRITES.has(name)
      ? call
      : async (...args: unknown[]) => {
          try {
            return await call(...args);
          } catch (error) {
            throw noteStoreFailure(error);
          }
        };
  }
  return noted as unknown as NewsStore;
}

/** Closes the process-wide store, if one was opened (command-line tools, before they exit). */
export async function closeStore(): Promise<void> {
  const h = holder.__heraldStore;
  const promise = h?.promise;
  if (!h || !promise) return;
  h.promise = undefined;
  await (await promise.catch(() => null))?.close();
}
