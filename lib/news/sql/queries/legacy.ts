import type { DB } from "../db";
import { isPublic } from "./article-rows";
import { articlePath } from "../../../urls";

/**
 * Where an article of the earlier site now lives: the canonical path ("/article/{id}/{slug}") of
 * the public article whose legacy id is `ud` (from /view.php?ud=YYYYMMDD000NNN), or undefined
 * when there is none (unknown id, draft, or not yet published). `now`: ISO 8601 UTC.
 */
export async function findPathByLegacyArticleId(
  db: DB,
  ud: string,
  now: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("articles as a")
    .select(["a.id", "a.slug"])
    .where("a.legacy_id", "=", ud)
    .where(isPublic(now))
    .executeTakeFirst();
  return row ? articlePath(row.id, row.slug) : undefined;
}

/**
 * Where a section list of the earlier site (/list.php?ct=CODE) now lives: the section front's
 * path ("/national" or "/national/politics") for a code in seed-publication.json's
 * legacy_section_codes, or undefined for an unknown code.
 */
export async function findPathByLegacySectionCode(
  db: DB,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("sections as s")
    .leftJoin("sections as p", "p.id", "s.parent_id")
    .select(["s.slug", "p.slug as parent_slug"])
    .where("s.legacy_code", "=", code)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.parent_slug ? `/${row.parent_slug}/${row.slug}` : `/${row.slug}`;
}
