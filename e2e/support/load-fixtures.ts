/**
 * Loads FIXTURES into the configured database (HERALD_DATABASE_URL or HERALD_DATABASE_PATH; set up first: migrated and
 * seeded, as `npm run setup` does), then stores the hostile headline verbatim and withdraws the
 * fixtures marked so. Run by e2e/server.mjs before `next build`.
 */
import { readConfig } from "../../lib/config";
import { setUpStore } from "../../lib/news/setup";
import { openDatabase } from "../../lib/news/sqlite/connection";
import { openPostgres } from "../../lib/news/postgres/connection";
import { rebuildSearchIndex } from "../../lib/news/postgres/search/index-write";
import { importJsonLines } from "../../lib/news/sql/import/import-articles";
import { indexerFor } from "../../lib/news/test-support/temp-db";
import { FIXTURES, HOSTILE_HEADLINE, HOSTILE_ID } from "./fixtures";

async function main(): Promise<void> {
  await setUpStore();
  const config = readConfig();
  const db = config.databaseUrl
    ? openPostgres(config.databaseUrl, 2)
    : openDatabase(config.databasePath);
  const now = Date.now();
  const lines = FIXTURES.map((f) =>
    JSON.stringify({
      id: f.id,
      headline: f.headline,
      standfirst: f.standfirst,
      published: new Date(now - f.minutesAgo * 60_000).toISOString(),
      body: f.body,
      section: f.section,
      tags: f.tags,
      author: "Herald test desk",
      legacy_id: f.legacyId,
    }),
  );
  const report = await importJsonLines(db, indexerFor(db), lines);
  if (report.skipped.length > 0)
    throw new Error(`fixtures skipped: ${JSON.stringify(report.skipped)}`);
  await db
    .updateTable("articles")
    .set({ headline: HOSTILE_HEADLINE })
    .where("external_id", "=", HOSTILE_ID)
    .execute();
  const withdrawn = FIXTURES.filter((f) => f.withdrawn).map((f) => f.id);
  if (withdrawn.length > 0)
    await db
      .updateTable("articles")
      .set({ withdrawn_at: new Date(now).toISOString() })
      .where("external_id", "in", withdrawn)
      .execute();
  // PostgreSQL's index has no triggers: the hostile headline is indexed as SQLite's would be.
  if (config.databaseUrl) await rebuildSearchIndex(db);
  console.log(`e2e fixtures: ${report.inserted} stories added`);
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
