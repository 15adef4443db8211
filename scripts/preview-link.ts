/**
 * `npm run preview-link -- ARTICLE_ID`: prints a preview URL for one article, valid 24 hours
 * (signed with DRAFT_SECRET, or the secret generated beside the database). With no argument,
 * lists the stories readers cannot see yet: drafts and scheduled stories (id, status, headline,
 * planned time in KST). Uses HERALD_DATABASE_PATH and HERALD_SITE_URL like the site.
 * Exit status: 0, or 2 for a bad argument or an unknown article.
 */
import { z } from "zod";
import { getDb } from "../lib/db/connection";
import { formatKstDateTime } from "../lib/format/date";
import { PREVIEW_LINK_AUDIENCE, signPreviewToken } from "../lib/preview/tokens";
import { absoluteUrl } from "../lib/urls";

async function main(): Promise<number> {
  const db = await getDb();
  const now = new Date().toISOString();
  const arg = process.argv[2];
  try {
    if (arg === undefined) {
      const rows = await db
        .selectFrom("articles")
        .select(["id", "status", "headline", "published_at"])
        .where((eb) => eb.or([eb("status", "=", "draft"), eb("published_at", ">", now)]))
        .where("withdrawn_at", "is", null)
        .orderBy("published_at")
        .execute();
      if (rows.length === 0) console.log("No drafts or scheduled stories.");
      for (const r of rows) {
        const when = r.published_at ? `${formatKstDateTime(r.published_at)} KST` : "no time set";
        console.log(
          `${String(r.id).padStart(6)}  ${r.status.padEnd(9)}  ${when.padEnd(26)}  ${r.headline}`,
        );
      }
      if (rows.length > 0)
        console.log("\nnpm run preview-link -- ID   prints a preview link for one of them.");
      return 0;
    }
    const id = z
      .string()
      .regex(/^[1-9][0-9]{0,14}$/)
      .transform(Number)
      .safeParse(arg);
    if (!id.success) {
      console.error(
        "usage: npm run preview-link -- ARTICLE_ID   (no argument: list drafts and scheduled stories)",
      );
      return 2;
    }
    const article = await db
      .selectFrom("articles")
      .select(["id"])
      .where("id", "=", id.data)
      .executeTakeFirst();
    if (!article) {
      console.error(`preview-link: there is no article ${id.data}`);
      return 2;
    }
    const token = await signPreviewToken(id.data, PREVIEW_LINK_AUDIENCE);
    console.log(absoluteUrl(`/api/draft?token=${encodeURIComponent(token)}`));
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`preview-link: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
