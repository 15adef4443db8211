import { readConfig, type Config } from "../config";
import type { ImportReport } from "../import/report";
import { openStore } from "./connect";
import type { NewsStore } from "./store";

/** What the set-up step did: the migrations it applied and the default content it loaded. */
export type SetUpReport = { migrated: string[]; seeded: ImportReport | null };

/**
 * The one set-up step (`npm run setup`; `npm run build`, `npm run site`, the importer and the
 * tests run it first): applies pending migrations and, when the configuration says so
 * (HERALD_SEED, default on) and the database is empty, loads the default content from content/.
 * Idempotent and safe from several processes at once. Pass `store` to set up one that is
 * already open (it stays open); otherwise the configured one is opened and closed.
 */
export async function setUpStore(
  options: { store?: NewsStore; config?: Config; seed?: boolean } = {},
): Promise<SetUpReport> {
  const config = options.config ?? readConfig();
  const store = options.store ?? (await openStore(config));
  try {
    const migrated = await store.migrate();
    const seed = options.seed ?? config.seedDefaultContent;
    const seeded = seed ? await store.seedDefaultContent() : null;
    return { migrated, seeded };
  } finally {
    if (!options.store) await store.close();
  }
}
