import type { DB } from "../db";
import type { Article, ArticleSummary, Author, SectionNode, Tag } from "../../../domain";
import { parseStoredBody } from "../../../content/blocks";
import { withBodyPhotos } from "./body-photos";
import { isPublic, newestFirst, selectSummaries, toSummary, imageFromRow } from "./article-rows";
import { frontKeys, frontSectionIds, summariesByIds } from "./section-front";

/** The `limit` newest public stories across the site (LATEST NEWS, the home page). */
export async function getLatest(db: DB, limit: number, now: string): Promise<ArticleSummary[]> {
  const rows = await selectSummaries(db)
    .where(isPublic(now))
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/**
 * The newest public stories of each top-level section (with its subsections), `perSection` each,
 * for the home page. Sections without stories are left out. Order: the menu's.
 */
export async function getTopStoriesBySection(
  db: DB,
  tree: SectionNode[],
  perSection: number,
  now: string,
): Promise<Array<{ section: SectionNode; articles: ArticleSummary[] }>> {
  const result = [];
  for (const section of tree) {
    const keys = await frontKeys(db, frontSectionIds(section), now, null, "older", perSection);
    const articles = await summariesByIds(
      db,
      keys.map((k) => k.id),
    );
    if (articles.length > 0) result.push({ section, articles });
  }
  return result;
}

/**
 * A public article with its body (photo blocks given their image's src and size, or left out
 * when the image is gone: withBodyPhotos), authors (byline order), tags and lead photo, or undefined
 * when there is no such public article (unknown id, draft, not yet due, withdrawn).
 * `now`: ISO 8601 UTC. With `{ unpublished: true }` (editors' preview only, never for readers)
 * drafts, scheduled and withdrawn articles are returned too.
 */
export async function getArticleById(
  db: DB,
  id: number,
  now: string,
  options: { unpublished?: boolean } = {},
): Promise<Article | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  let query = selectSummaries(db)
    .select(["a.lead_image_caption", "a.lead_image_credit", "a.source_url", "a.licence"])
    .where("a.id", "=", id);
  if (!options.unpublished) query = query.where(isPublic(now));
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const authors: Author[] = await db
    .selectFrom("article_authors as aa")
    .innerJoin("authors as au", "au.id", "aa.author_id")
    .select(["au.id", "au.slug", "au.name", "au.kind"])
    .where("aa.article_id", "=", id)
    .orderBy("aa.position")
    .execute();
  const tags: Tag[] = await db
    .selectFrom("article_tags as at")
    .innerJoin("tags as t", "t.id", "at.tag_id")
    .select(["t.id", "t.slug", "t.name"])
    .where("at.article_id", "=", id)
    .orderBy("t.name")
    .execute();
  // A correction of a republish still scheduled shows with it, at its time (preview: at once).
  const corrections = await getCorrections(db, id, options.unpublished ? null : now);
  const image = imageFromRow(row);
  const caption = row.lead_image_caption ?? image?.caption ?? null;
  const credit = row.lead_image_credit ?? image?.credit ?? null;
  return {
    ...toSummary(row),
    standfirst: row.standfirst,
    body: await withBodyPhotos(db, parseStoredBody(row.body_json)),
    authors,
    tags,
    leadImage: image || caption ? { image, caption: caption ?? "", credit: credit ?? "" } : null,
    sourceUrl: row.source_url,
    licence: row.licence,
    corrections,
  };
}

/** Stories of each tag considered for "related": the most recently added ones. */
const RELATED_CANDIDATES_PER_TAG = 100;

/**
 * Up to `limit` public stories related to an article: those sharing most tags first (among the
 * {@link RELATED_CANDIDATES_PER_TAG} most recently added stories of each tag, so a tag on 100,000
 * stories costs no more than a rare one), ties to the newer story; then the newest of the same
 * section, then of the same top-level section. Never includes the article. `now`: ISO 8601 UTC.
 */
export async function getRelatedArticles(
  db: DB,
  article: Pick<Article, "id" | "section" | "topSection" | "tags">,
  limit: number,
  now: string,
): Promise<ArticleSummary[]> {
  const shared = new Map<number, { id: number; count: number; published_at: string | null }>();
  for (const tag of article.tags) {
    const rows = await db
      .selectFrom("article_tags as at")
      .innerJoin("articles as a", "a.id", "at.article_id")
      .select(["a.id", "a.published_at"])
      .where("at.tag_id", "=", tag.id)
      .where("at.article_id", "!=", article.id)
      .where(isPublic(now))
      .orderBy("at.article_id", "desc")
      .limit(RELATED_CANDIDATES_PER_TAG)
      .execute();
    for (const row of rows) {
      const entry = shared.get(row.id);
      if (entry) entry.count += 1;
      else shared.set(row.id, { id: row.id, count: 1, published_at: row.published_at });
    }
  }
  const picked = [...shared.values()]
    .sort((a, b) => b.count - a.count || newestFirst(a, b))
    .slice(0, limit)
    .map((c) => c.id);
  const seen = new Set([article.id, ...picked]);
  const related = await summariesByIds(db, picked);

  const topIds = await db
    .selectFrom("sections")
    .select("id")
    .where((eb) =>
      eb.or([eb("id", "=", article.topSection.id), eb("parent_id", "=", article.topSection.id)]),
    )
    .execute();
  for (const sectionIds of [[article.section.id], topIds.map((r) => r.id)]) {
    if (related.length >= limit) break;
    const keys = await frontKeys(db, sectionIds, now, null, "older", limit + seen.size);
    const fresh = keys.filter((k) => !seen.has(k.id)).slice(0, limit - related.length);
    fresh.forEach((k) => seen.add(k.id));
    related.push(
      ...(await summariesByIds(
        db,
        fresh.map((k) => k.id),
      )),
    );
  }
  return related;
}

/**
 * The correction notes of story `id`, oldest first: those published by `until` (ISO 8601 UTC),
 * or all of them with null (preview shows a scheduled one at once).
 */
export async function getCorrections(
  db: DB,
  id: number,
  until: string | null,
): Promise<Array<{ text: string; publishedAt: string }>> {
  let query = db
    .selectFrom("article_corrections")
    .select(["text", "published_at as publishedAt"])
    .where("article_id", "=", id);
  if (until !== null) query = query.where("published_at", "<=", until);
  return query.orderBy("published_at").orderBy("id").execute();
}
