import type { DB } from "../db";
import type { FeedArticle, SectionNode, SectionRef } from "../../../domain";
import { isPublic, selectSummaries, toSummary } from "./article-rows";
import type { ListScope } from "./story-lists";

/** Stories in every RSS feed: the newest 50. */
export const FEED_SIZE = 50;

/**
 * The `limit` newest public stories (isPublic at `now`, an ISO 8601 UTC instant), newest first,
 * ties broken by the higher id, as the fronts order them. With a `section`, only its stories,
 * and for a top-level section (a SectionNode) its subsections' too, like its front; with a
 * `scope` (an author's or a tag's stories, lib/news/sql/queries/story-lists.ts), only those;
 * with null, the whole site. Each comes with its authors' names.
 */
export async function getFeedArticles(
  db: DB,
  section: SectionNode | SectionRef | { scope: ListScope } | null,
  limit: number,
  now: string,
): Promise<FeedArticle[]> {
  let query = selectSummaries(db).where(isPublic(now));
  if (section && "scope" in section) {
    query = query.where(section.scope);
  } else if (section) {
    const ids =
      "children" in section ? [section.id, ...section.children.map((c) => c.id)] : [section.id];
    query = query.where("a.section_id", "in", ids);
  }
  const rows = await query
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const bylines = await db
    .selectFrom("article_authors as aa")
    .innerJoin("authors as au", "au.id", "aa.author_id")
    .select(["aa.article_id", "au.name"])
    .where(
      "aa.article_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("aa.article_id")
    .orderBy("aa.position")
    .execute();
  return rows.map((row) => ({
    ...toSummary(row),
    authors: bylines.filter((b) => b.article_id === row.id).map((b) => b.name),
  }));
}
