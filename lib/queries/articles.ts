import { sql } from "kysely";
import type { DB } from "../db/connection";
import type {
  Article,
  ArticleSummary,
  Author,
  BodyBlock,
  SectionNode,
  SectionRef,
  SectionFrontPage,
  Tag,
} from "../domain";
import { isPublic, selectSummaries, toSummary, imageFromRow } from "./article-rows";

/** Stories per page of a section front. */
export const FRONT_PAGE_SIZE = 20;

/**
 * One page of a section front: public stories of the section (and, for a top-level section, of
 * all its subsections), newest first (ties broken by id), FRONT_PAGE_SIZE a page.
 * `page` is 1-based. Returns null when `page` is past the last page; page 1 of a section with no
 * stories is a valid, empty page (totalPages 1). `now` is an ISO 8601 UTC instant.
 */
export async function getSectionFront(
  db: DB,
  target: { section: SectionNode | SectionRef; parent: SectionNode | null },
  page: number,
  now: string,
): Promise<SectionFrontPage | null> {
  const { section } = target;
  const sectionIds =
    "children" in section ? [section.id, ...section.children.map((c) => c.id)] : [section.id];
  const { total } = await db
    .selectFrom("articles as a")
    .select(sql<number>`count(*)`.as("total"))
    .where("a.section_id", "in", sectionIds)
    .where(isPublic(now))
    .executeTakeFirstOrThrow();
  const totalPages = Math.max(1, Math.ceil(total / FRONT_PAGE_SIZE));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  const rows = await selectSummaries(db)
    .where("a.section_id", "in", sectionIds)
    .where(isPublic(now))
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(FRONT_PAGE_SIZE)
    .offset((page - 1) * FRONT_PAGE_SIZE)
    .execute();
  return { ...target, articles: rows.map(toSummary), page, totalPages, totalArticles: total };
}

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
    const ids = [section.id, ...section.children.map((c) => c.id)];
    const rows = await selectSummaries(db)
      .where("a.section_id", "in", ids)
      .where(isPublic(now))
      .orderBy("a.published_at", "desc")
      .orderBy("a.id", "desc")
      .limit(perSection)
      .execute();
    if (rows.length > 0) result.push({ section, articles: rows.map(toSummary) });
  }
  return result;
}

/**
 * A public article with its body, authors (byline order), tags and lead photo, or undefined
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
  const image = imageFromRow(row);
  const caption = row.lead_image_caption ?? image?.caption ?? null;
  const credit = row.lead_image_credit ?? image?.credit ?? null;
  return {
    ...toSummary(row),
    standfirst: row.standfirst,
    body: JSON.parse(row.body_json) as BodyBlock[],
    authors,
    tags,
    leadImage: image || caption ? { image, caption: caption ?? "", credit: credit ?? "" } : null,
    sourceUrl: row.source_url,
    licence: row.licence,
  };
}

/**
 * Up to `limit` public stories related to an article: those sharing most tags first, then the
 * newest of the same section, then of the same top-level section. Never includes the article.
 */
export async function getRelatedArticles(
  db: DB,
  article: Pick<Article, "id" | "section" | "topSection" | "tags">,
  limit: number,
  now: string,
): Promise<ArticleSummary[]> {
  const picked: ArticleSummary[] = [];
  const seen = new Set([article.id]);
  const take = (rows: Parameters<typeof toSummary>[0][]) => {
    for (const row of rows) {
      if (picked.length >= limit || seen.has(row.id)) continue;
      seen.add(row.id);
      picked.push(toSummary(row));
    }
  };
  if (article.tags.length > 0) {
    const rows = await selectSummaries(db)
      .innerJoin("article_tags as at", "at.article_id", "a.id")
      .where(
        "at.tag_id",
        "in",
        article.tags.map((t) => t.id),
      )
      .where("a.id", "!=", article.id)
      .where(isPublic(now))
      .groupBy("a.id")
      .orderBy(sql`count(*)`, "desc")
      .orderBy("a.published_at", "desc")
      .limit(limit)
      .execute();
    take(rows);
  }
  for (const sectionIds of [[article.section.id], undefined]) {
    if (picked.length >= limit) break;
    let query = selectSummaries(db)
      .where(isPublic(now))
      .where("a.id", "not in", [...seen]);
    query = sectionIds
      ? query.where("a.section_id", "in", sectionIds)
      : query.where((eb) =>
          eb.or([
            eb("s.parent_id", "=", article.topSection.id),
            eb("s.id", "=", article.topSection.id),
          ]),
        );
    take(
      await query.orderBy("a.published_at", "desc").orderBy("a.id", "desc").limit(limit).execute(),
    );
  }
  return picked;
}
