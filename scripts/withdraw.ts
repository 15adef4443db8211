/**
 * `npm run withdraw -- ARTICLE_ID`: withdraws a published story. Its URL answers 410 Gone and it
 * leaves fronts, rails, feeds, sitemaps and search at once on the running server (told through
 * HERALD_SERVER_URL), or within a minute when none answered. Exit status: 0 withdrawn, 1 unknown or
 * already withdrawn, 2 bad argument or database error.
 */
import { refreshNote } from "../lib/news/refresh";
import { withdrawStory } from "../lib/news/writes";
import { articleIdSchema } from "../lib/urls";
import { runCommand } from "./run-command";

async function main(): Promise<number> {
  const id = articleIdSchema.safeParse(process.argv[2]);
  if (!id.success || process.argv.length > 3) {
    console.error("usage: npm run withdraw -- ARTICLE_ID");
    return 2;
  }
  const { withdrawn, refresh } = await withdrawStory(id.data);
  console.log(
    withdrawn
      ? `withdrew article ${id.data}`
      : `article ${id.data} is unknown or already withdrawn`,
  );
  const note = refreshNote(refresh);
  if (note) console.log(`withdraw: ${note}`);
  return withdrawn ? 0 : 1;
}

runCommand("withdraw", main);
