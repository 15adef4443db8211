/**
 * `npm run setup`: the set-up step. Migrates the database (HERALD_DATABASE_URL, else HERALD_DATABASE_PATH) to the latest
 * schema and, when it is empty and HERALD_SEED is not 0, loads the default content from
 * content/. Safe to run again (it then does nothing) and from several processes at once.
 * `npm run build`, `npm run site`, the importer and the tests run it first.
 * Exit status: 0, or 2 when the database cannot be set up.
 */
import { readConfig } from "../lib/config";
import { databaseName } from "../lib/news/connect";
import { setUpStore } from "../lib/news/setup";
import { runCommand } from "./run-command";

async function main(): Promise<number> {
  const config = readConfig();
  const { migrated, seeded } = await setUpStore({ config });
  const what = [
    migrated.length > 0 ? `applied ${migrated.length} migration(s)` : "schema up to date",
    seeded ? `loaded the default content (${seeded.inserted} stories)` : "content left as it was",
  ];
  console.log(`setup: ${databaseName(config)}: ${what.join(", ")}`);
  if (seeded && seeded.skipped.length > 0)
    console.error(`setup: ${seeded.skipped.length} default stories skipped`, seeded.skipped);
  return 0;
}

runCommand("setup", main);
