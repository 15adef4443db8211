/**
 * `npm run import -- FILE.jsonl`: loads stories from a JSON Lines file into the database at
 * HERALD_DATABASE_PATH (set up first if new: `npm run setup`), then tells the running server
 * (HERALD_SERVER_URL) to show them at once. Prints what was inserted, updated and skipped (with
 * line numbers and reasons). Exit status: 0 when every record was imported, 1 when some were
 * skipped, 2 on a usage or database error. With no server running, the import still succeeds.
 */
import fs from "node:fs";
import { parsedChunksOnThread } from "../lib/import/parse-thread";
import { refreshNote } from "../lib/news/refresh";
import { setUpStore } from "../lib/news/setup";
import { importStories } from "../lib/news/writes";
import { runCommand } from "./run-command";

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
  await setUpStore();
  const started = performance.now();
  // Parsing and validation on a second thread, as the benchmark loads its million articles.
  const { report, refresh } = await importStories({ file }, { parse: parsedChunksOnThread });
  const seconds = (performance.now() - started) / 1000;
  for (const { line, reason } of report.skipped)
    console.error(`${file}:${line}: skipped: ${reason}`);
  console.log(
    `import: ${report.inserted} inserted, ${report.updated} updated, ${report.skipped.length} skipped in ${seconds.toFixed(2)} s`,
  );
  const note = refreshNote(refresh);
  if (note) console.log(`import: ${note}`);
  return report.skipped.length > 0 ? 1 : 0;
}

runCommand("import", main);
