/**
 * `npm run withdraw -- ARTICLE_ID`: withdraws a published article (its URL answers 410 Gone; it
 * leaves fronts, rails, feeds and sitemaps within a minute). Exit status: 0 withdrawn, 1 unknown
 * or already withdrawn, 2 bad argument.
 */
import { z } from "zod";
import { getDb } from "../lib/db/connection";
import { withdrawArticle } from "../lib/editorial";

async function main(): Promise<number> {
  const id = z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/)
    .transform(Number)
    .safeParse(process.argv[2]);
  if (!id.success || process.argv.length > 3) {
    console.error("usage: npm run withdraw -- ARTICLE_ID");
    return 2;
  }
  const db = await getDb();
  const done = await withdrawArticle(db, id.data, new Date().toISOString());
  await db.destroy();
  console.log(
    done ? `withdrew article ${id.data}` : `article ${id.data} is unknown or already withdrawn`,
  );
  return done ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`withdraw: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
