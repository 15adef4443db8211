/**
 * `npm run copy-database -- --from data/herald.db --to postgres://user@host:5432/herald [--replace]`:
 * copies a Herald SQLite database into an empty PostgreSQL one, keeping every id, slug, time and
 * page view, then rebuilds the search index and MOST POPULAR there (lib/news/copy/; the procedure
 * is in docs/deploy.md, "From SQLite to PostgreSQL"). Progress goes to stderr, one summary line
 * per table to stdout. All or nothing: a copy that fails leaves the target as it was.
 * Exit status: 0 copied; 1 refused (a side with migrations pending, a target that is not empty
 * without --replace), nothing written; 2 bad arguments or a database error.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { CopyRefusedError, copyDatabase } from "../lib/news/copy/copy-database";
import { runCommand } from "./run-command";

const USAGE = "usage: npm run copy-database -- --from FILE.db --to postgres://… [--replace]";

const argsSchema = z.object({
  from: z.string().min(1),
  to: z.url().refine((url) => /^postgres(ql)?:\/\//.test(url), "--to must be a postgres:// URL"),
  replace: z.boolean().default(false),
});

/** `url` without its password, for messages. */
function withoutPassword(url: string): string {
  const u = new URL(url);
  u.password = "";
  return u.toString();
}

/** Progress on stderr: at most a line every 5 seconds, and each table's last, with the time since `started`. */
function progressPrinter(started: number): (table: string, copied: number, total: number) => void {
  let last = 0;
  return (table, copied, total) => {
    const now = performance.now();
    if (copied < total && now - last < 5_000) return;
    last = now;
    const seconds = ((now - started) / 1000).toFixed(0);
    console.error(`copy-database: ${table}: ${copied} of ${total} rows (${seconds} s)`);
  };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        from: { type: "string" },
        to: { type: "string" },
        replace: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch {
    console.error(USAGE);
    return 2;
  }
  const args = argsSchema.safeParse(parsed);
  if (!args.success) {
    console.error(`copy-database: ${args.error.issues.map((i) => i.message).join("; ")}`);
    console.error(USAGE);
    return 2;
  }
  const { from, to, replace } = args.data;
  const started = performance.now();
  try {
    const report = await copyDatabase(from, to, {
      replace,
      names: { source: from, target: withoutPassword(to) },
      onProgress: progressPrinter(started),
    });
    if (report.replaced.length > 0)
      console.log(`copy-database: emptied first: ${report.replaced.join(", ")}`);
    for (const { table, rows } of report.tables)
      console.log(`copy-database: ${table.padEnd(18)} ${String(rows).padStart(9)} rows`);
    console.log(`copy-database: search index: ${report.searchIndexed} articles`);
    if (report.mostPopular.length > 0)
      console.log(`copy-database: MOST POPULAR ranked for ${report.mostPopular.join(", ")} items`);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `copy-database: copied ${from} to ${withoutPassword(to)} in ${seconds.toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CopyRefusedError)) throw error;
    console.error(`copy-database: ${error.message}`);
    return 1;
  }
}

runCommand("copy-database", main);
