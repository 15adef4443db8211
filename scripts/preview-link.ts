/**
 * `npm run preview-link -- ARTICLE_ID`: prints a preview URL for one article, valid 24 hours
 * (signed with DRAFT_SECRET, or the secret generated beside the database). With no argument,
 * lists the stories readers cannot see yet: drafts and scheduled stories (id, status, headline,
 * planned time in KST). Uses HERALD_DATABASE_PATH and HERALD_SITE_URL like the site.
 * Exit status: 0, or 2 for a bad argument or an unknown article.
 */
import { formatKstDateTime } from "../lib/format/date";
import { getStore } from "../lib/news/connect";
import { PREVIEW_LINK_AUDIENCE, signPreviewToken } from "../lib/preview/tokens";
import { absoluteUrl, articleIdSchema } from "../lib/urls";
import { runCommand } from "./run-command";

async function main(): Promise<number> {
  const arg = process.argv[2];
  if (arg === undefined) {
    const rows = await (await getStore()).queuedStories(new Date().toISOString());
    if (rows.length === 0) console.log("No drafts or scheduled stories.");
    for (const r of rows) {
      const when = r.publishedAt ? `${formatKstDateTime(r.publishedAt)} KST` : "no time set";
      console.log(
        `${String(r.id).padStart(6)}  ${r.status.padEnd(9)}  ${when.padEnd(26)}  ${r.headline}`,
      );
    }
    if (rows.length > 0)
      console.log("\nnpm run preview-link -- ID   prints a preview link for one of them.");
    return 0;
  }
  const id = articleIdSchema.safeParse(arg);
  if (!id.success) {
    console.error(
      "usage: npm run preview-link -- ARTICLE_ID   (no argument: list drafts and scheduled stories)",
    );
    return 2;
  }
  const state = await (await getStore()).articleState(id.data, new Date().toISOString());
  if (!state) {
    console.error(`preview-link: there is no article ${id.data}`);
    return 2;
  }
  const token = await signPreviewToken(id.data, PREVIEW_LINK_AUDIENCE);
  console.log(absoluteUrl(`/api/draft?token=${encodeURIComponent(token)}`));
  return 0;
}

runCommand("preview-link", main);
