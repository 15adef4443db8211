/**
 * `npm run import -- FILE.jsonl`: loads articles from a JSON Lines file into the database at
 * HERALD_DATABASE_PATH (created, migrated and seeded first if new). Prints what was inserted,
 * updated and skipped (with line numbers and reasons). Exit status: 0 when every record was
 * imported, 1 when some were skipped, 2 on a usage or database error.
 * Pages pick the new articles up within a minute (lib/cached.ts); `next start` need not restart.
 */
import fs from "node:fs";
import { getDb } from "../lib/db/connection";
import { importJsonLines } from "../lib/import/import-articles";
import { parsedChunksOnThread } from "../lib/import/parse-thread";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error("usage: npm run import -- FILE.jsonl");
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`import: no such file: ${file}`);
    return 2;
  }
  const db = await getDb();
  const started = performance.now();
  // Parsing and validation on a second thread, as the benchmark loads its million articles.
  const report = await importJsonLines(db, { file }, { parse: parsedChunksOnThread });
  const seconds = (performance.now() - started) / 1000;
  for (const { line, reason } of report.skipped)
    console.error(`${file}:${line}: skipped: ${reason}`);
  console.log(
    `import: ${report.inserted} inserted, ${report.updated} updated, ${report.skipped.length} skipped in ${seconds.toFixed(2)} s`,
  );
  await db.destroy();
  return report.skipped.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
