/**
 * `npm run preview-link -- ARTICLE_ID [--hours N]`: stores a preview link for one article (a
 * preview_links row made by no one, listed on the story with the newsroom's links) and prints its
 * URL, valid N hours (1 to 168; default 24), then its id and expiry. `npm run preview-link --
 * --revoke LINK_ID` revokes a link at once (it answers 401 from then on, for whoever holds it).
 * With no argument, lists the stories readers cannot see yet: drafts and scheduled stories (id,
 * status, headline, planned time in KST). Both writes are in the audit log. Uses
 * HERALD_DATABASE_PATH and HERALD_SITE_URL like the site.
 * Exit status: 0, or 2 for a bad argument, an unknown article or an unknown link.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatKstDateTime } from "../lib/format/date";
import { getStore } from "../lib/news/connect";
import { DEFAULT_LINK_HOURS, linkHoursSchema, makePreviewLink } from "../lib/preview/links";
import { LINK_ID } from "../lib/preview/tokens";
import { articleIdSchema } from "../lib/urls";
import { runCommand } from "./run-command";

const USAGE = [
  "usage: npm run preview-link -- ARTICLE_ID [--hours N]   a link valid N hours (1-168, default 24)",
  "       npm run preview-link -- --revoke LINK_ID          revoke a link at once",
  "       npm run preview-link                              list drafts and scheduled stories",
].join("\n");

const argsSchema = z.union([
  z.object({
    revoke: z.string().regex(LINK_ID),
    positionals: z.tuple([]),
    hours: z.never().optional(),
  }),
  z.object({
    revoke: z.never().optional(),
    positionals: z.tuple([articleIdSchema]),
    hours: linkHoursSchema.optional(),
  }),
  z.object({ revoke: z.never().optional(), positionals: z.tuple([]), hours: z.never().optional() }),
]);

async function listQueued(): Promise<number> {
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

async function main(): Promise<number> {
  let raw;
  try {
    const { values, positionals } = parseArgs({
      options: { hours: { type: "string" }, revoke: { type: "string" } },
      allowPositionals: true,
    });
    raw = { ...values, positionals };
  } catch {
    console.error(USAGE);
    return 2;
  }
  const args = argsSchema.safeParse(raw);
  if (!args.success) {
    console.error(USAGE);
    return 2;
  }
  const { revoke, positionals, hours } = args.data;
  const store = await getStore();
  const now = new Date();
  const actor = { at: now.toISOString(), actorId: null, actorEmail: null };

  if (revoke !== undefined) {
    const link = await store.newsroom().revokePreviewLink(revoke, null, now.toISOString());
    if (!link) {
      console.error(`preview-link: there is no preview link ${revoke}`);
      return 2;
    }
    if (link.revokedAt !== now.toISOString()) {
      console.log(`Preview link ${link.id} was already revoked.`);
      return 0;
    }
    await store.newsroom().audit({
      ...actor,
      action: "preview-link-revoked",
      articleId: link.articleId,
      detail: { linkId: link.id, via: "command line" },
    });
    console.log(`Revoked preview link ${link.id} of article ${link.articleId}.`);
    return 0;
  }
  const [id] = positionals;
  if (id === undefined) return listQueued();

  if (!(await store.articleState(id, now.toISOString()))) {
    console.error(`preview-link: there is no article ${id}`);
    return 2;
  }
  const link = await makePreviewLink(store.newsroom(), {
    articleId: id,
    revision: null,
    hours: hours ?? DEFAULT_LINK_HOURS,
    createdBy: null,
  });
  await store.newsroom().audit({
    ...actor,
    action: "preview-link-created",
    articleId: id,
    detail: { linkId: link.id, expiresAt: link.expiresAt, via: "command line" },
  });
  console.log(link.url);
  console.log(
    `Link ${link.id}, valid until ${formatKstDateTime(link.expiresAt)} KST. ` +
      `Revoke it with: npm run preview-link -- --revoke ${link.id}`,
  );
  return 0;
}

runCommand("preview-link", main);
