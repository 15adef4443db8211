import type { PreviewLinkRow, PreviewLinkInput } from "../../newsroom-store";
import type { DB } from "../db";
import type { Selectable } from "kysely";
import type { PreviewLinkTable } from "../schema";

/**
 * Shareable preview links (issue 17, "Share preview"): one row per link, named by the link's
 * signed token (`jti`), so revoking the row ends the link and every preview made from it at once
 * (lib/preview/link-check.ts). Rows are never deleted: the story lists them, expired and revoked
 * ones included.
 */

const toLink = (row: Selectable<PreviewLinkTable>): PreviewLinkRow => ({
  id: row.id,
  articleId: Number(row.article_id),
  revision: row.revision_number === null ? null : Number(row.revision_number),
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
  createdByName: null,
});

/** Stores a new link. Throws on a duplicate id (ids are random, so only on a bug). */
export async function insertPreviewLink(db: DB, link: PreviewLinkInput): Promise<void> {
  await db
    .insertInto("preview_links")
    .values({
      id: link.id,
      article_id: link.articleId,
      revision_number: link.revision,
      created_by: link.createdBy,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
}

/** The link `id`, or null. */
export async function findPreviewLink(db: DB, id: string): Promise<PreviewLinkRow | null> {
  const row = await db
    .selectFrom("preview_links")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toLink(row) : null;
}

/**
 * Every link of story `articleId`, newest first, with the name of the staff member who made it
 * (better-auth's `auth_user`, migration 0009; null for the command line or a deleted account).
 */
export async function listPreviewLinks(db: DB, articleId: number): Promise<PreviewLinkRow[]> {
  const rows = await db
    .selectFrom("preview_links")
    .selectAll()
    .where("article_id", "=", articleId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  const makers = [...new Set(rows.flatMap((r) => (r.created_by === null ? [] : [r.created_by])))];
  const names = new Map(
    makers.length === 0
      ? []
      : (
          await db
            .withTables<{ auth_user: { id: string; name: string } }>()
            .selectFrom("auth_user")
            .select(["id", "name"])
            .where("id", "in", makers)
            .execute()
        ).map((u) => [u.id, u.name] as const),
  );
  return rows.map((row) => ({
    ...toLink(row),
    createdByName: row.created_by === null ? null : (names.get(row.created_by) ?? null),
  }));
}

/**
 * Revokes link `id` at `at` by `by` (a staff id, or null for the command line). Returns the link
 * as it now stands (a link revoked earlier keeps its first revocation), or null for an unknown id.
 */
export async function revokePreviewLink(
  db: DB,
  id: string,
  by: string | null,
  at: string,
): Promise<PreviewLinkRow | null> {
  await db
    .updateTable("preview_links")
    .set({ revoked_at: at, revoked_by: by })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
  return findPreviewLink(db, id);
}
