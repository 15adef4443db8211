import { readConfig, type Config } from "../config";
import { noteStoreFailure, StoreUnavailableError } from "./outage";
import { openSqliteStore } from "./sqlite/store";
import type { NewsStore } from "./store";

/**
 * Opens the store the configuration names: the PostgreSQL database at HERALD_DATABASE_URL when
 * it is set, otherwise the SQLite file at HERALD_DATABASE_PATH. Opening only opens: nothing is
 * migrated or loaded (that is lib/news/setup.ts). With `create: false` (a server), a SQLite file
 * that does not exist is a StoreUnavailableError rather than a new empty file. The caller closes it.
 *
 * The PostgreSQL backend is loaded with a dynamic import, and only when configured: imported
 * statically, the external `pg` package made the built server's chunk asynchronous and Next.js
 * printed "ready" before instrumentation.ts's start check had failed (decision 033;
 * e2e/clock/restart.spec.ts guards it).
 */
export async function openStore(
  config: Config = readConfig(),
  options: { create?: boolean } = {},
): Promise<NewsStore> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import("./postgres/store");
    return openPostgresStore(config.databaseUrl);
  }
  return openSqliteStore(config.databasePath, config.queryLog, options);
}

/** The configured database, for messages: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseName(config: Config): string {
  if (!config.databaseUrl) return config.databasePath;
  try {
    const url = new URL(config.databaseUrl);
    url.password = "";
    return url.toString();
  } catch {
    return "HERALD_DATABASE_URL";
  }
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
    const store = await openStore(config, { create: false });
    const { pending } = await store.schemaStatus();
    if (pending.length > 0) {
      await store.close();
      throw notSetUp(config, pending);
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
  const store = await openStore(config, { create: false });
  try {
    const { pending } = await store.schemaStatus();
    if (pending.length > 0) throw notSetUp(config, pending);
    return await store.checkHealth();
  } finally {
    await store.close().catch(() => undefined);
  }
}

function notSetUp(config: Config, pending: string[]): StoreUnavailableError {
  const variable = config.databaseUrl ? "HERALD_DATABASE_URL" : "HERALD_DATABASE_PATH";
  return new StoreUnavailableError(
    `${databaseName(config)} is not set up (${pending.length} migration(s) pending, from ${pending[0]}). ` +
      `Run \`npm run setup\` with the same ${variable}, then start again.`,
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

/** Accessors that return another object at once, not a promise: passed through as they are. */
const ACCESSORS = new Set(["newsroom", "authDatabase"]);

/** `store` with every failure of storage in a read noted as an outage before it is thrown on. */
export function noteFailures(store: NewsStore): NewsStore {
  const noted = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store)) {
    const call = (...args: unknown[]) =>
      (method as (...a: unknown[]) => Promise<unknown>).apply(store, args);
    noted[name] = ACCESSORS.has(name)
      ? (method as () => unknown).bind(store)
      : WRITES.has(name)
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
