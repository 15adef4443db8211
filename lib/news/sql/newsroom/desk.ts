import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { DeskQuery, DeskRow, DeskState } from "../../newsroom-store";
import type { DB } from "../db";
import type { Database } from "../schema";

/**
 * The story desk (docs/newsroom.md, "The workflow"): every story, newsroom-made or imported,
 * by state at `now` (a published story whose time is ahead is "scheduled"), filtered by section,
 * owner or byline, and words of the headline, newest or oldest first, a page at a time. An
 * imported story without a workflow row is listed from its article row.
 */

type Tables = Database & { a: Database["articles"]; n: Database["newsroom_stories"] };
type Eb = ExpressionBuilder<Tables, "a" | "n">;

/** Escapes LIKE's wildcards (with "\" as the escape character). */
function likeWord(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const imported = (eb: Eb) => eb("n.article_id", "is", null);
const livePublic = sql<SqlBool>`a.status in ('published', 'scheduled') and a.withdrawn_at is null`;

/** The rows in `state` at `now`. */
function inState(state: DeskState, now: string) {
  return (eb: Eb) => {
    // A story withdrawn from the command line (npm run withdraw) is withdrawn here too.
    const published = eb.or([
      eb.and([eb("n.state", "=", "published"), eb("a.withdrawn_at", "is", null)]),
      eb.and([imported(eb), livePublic]),
    ]);
    switch (state) {
      case "draft":
        return eb.or([
          eb("n.state", "=", "draft"),
          eb.and([imported(eb), eb("a.status", "=", "draft"), eb("a.withdrawn_at", "is", null)]),
        ]);
      case "review":
        return eb("n.state", "=", "review");
      case "scheduled":
        return eb.and([published, eb("a.published_at", ">", now)]);
      case "published":
        return eb.and([published, eb("a.published_at", "<=", now)]);
      case "withdrawn":
        return eb.or([eb("n.state", "=", "withdrawn"), eb("a.withdrawn_at", "is not", null)]);
    }
  };
}

/** Desk rows matching `query` at `now`, one page, with the total that match. */
export async function listDesk(
  db: DB,
  query: DeskQuery,
  now: string,
): Promise<{ rows: DeskRow[]; hasMore: boolean; total: number }> {
  let base = db
    .selectFrom("articles as a")
    .leftJoin("newsroom_stories as n", "n.article_id", "a.id")
    .where(inState(query.state, now));
  if (query.section !== undefined)
    base = base.where((eb) =>
      eb(eb.fn.coalesce("n.section_id", "a.section_id"), "=", query.section!),
    );
  if (query.ownerId !== undefined) base = base.where("n.owner_id", "=", query.ownerId);
  for (const word of (query.words ?? "").split(/\s+/).filter(Boolean))
    base = base.where(
      sql<SqlBool>`lower(coalesce(n.headline, a.headline)) like ${likeWord(word)} escape '\\'`,
    );
  const author = query.author?.trim();
  if (author)
    base = base.where((eb) =>
      eb.or([
        eb("n.owner_id", "=", author),
        sql<SqlBool>`lower(n.byline_names) like ${likeWord(author)} escape '\\'`,
        eb.and([
          imported(eb),
          eb.exists(
            eb
              .selectFrom("article_authors as aa")
              .innerJoin("authors as au", "au.id", "aa.author_id")
              .select("aa.article_id")
              .whereRef("aa.article_id", "=", "a.id")
              .where(sql<SqlBool>`lower(au.name) like ${likeWord(author)} escape '\\'`),
          ),
        ]),
      ]),
    );

  const counted = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  const time = sql<string>`coalesce(n.updated_at, a.updated_at)`;
  const direction = query.sort === "oldest" ? "asc" : "desc";
  const rows = await base
    .leftJoin("sections as s", (join) =>
      join.on((eb) => eb("s.id", "=", eb.fn.coalesce("n.section_id", "a.section_id"))),
    )
    .select([
      "a.id",
      "a.headline as article_headline",
      "a.published_at",
      "a.status",
      "a.updated_at as article_updated_at",
      "n.article_id as story_id",
      "n.headline",
      "n.byline_names",
      "n.owner_id",
      "n.updated_at",
      "n.head_revision",
      "n.published_revision",
      "s.name as section_name",
    ])
    .orderBy(time, direction)
    .orderBy("a.id", direction)
    .limit(query.pageSize + 1)
    .offset((Math.max(1, query.page) - 1) * query.pageSize)
    .execute();
  const page = rows.slice(0, query.pageSize);
  const importedIds = page.filter((r) => r.story_id === null).map((r) => r.id);
  const bylines = new Map<number, string[]>();
  if (importedIds.length > 0) {
    const found = await db
      .selectFrom("article_authors as aa")
      .innerJoin("authors as au", "au.id", "aa.author_id")
      .select(["aa.article_id", "au.name"])
      .where("aa.article_id", "in", importedIds)
      .orderBy("aa.position")
      .orderBy("au.id")
      .execute();
    for (const f of found)
      bylines.set(f.article_id, [...(bylines.get(f.article_id) ?? []), f.name]);
  }
  return {
    total,
    hasMore: rows.length > query.pageSize,
    rows: page.map((r) => ({
      id: r.id,
      headline: r.story_id === null ? r.article_headline : (r.headline ?? ""),
      state: query.state,
      sectionName: r.section_name,
      authorNames:
        r.story_id === null
          ? (bylines.get(r.id) ?? [])
          : (JSON.parse(r.byline_names ?? "[]") as string[]),
      ownerId: r.owner_id,
      updatedAt: r.updated_at ?? r.article_updated_at,
      publishedAt: r.status === "draft" ? null : r.published_at,
      hasPendingChanges:
        r.published_revision !== null &&
        r.head_revision !== null &&
        r.head_revision !== r.published_revision,
    })),
  };
}
