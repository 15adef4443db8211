import type { AuditEntry, AuditEntryInput } from "../../newsroom-store";
import type { DB } from "../db";
import type { AuditAction } from "../schema";

/** Writes one audit entry (docs/newsroom.md, "What is logged"). */
export async function recordAudit(db: DB, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      action: entry.action,
      article_id: entry.articleId ?? null,
      detail_json: JSON.stringify(entry.detail ?? {}),
      address: entry.address ?? null,
    })
    .execute();
}

/** A page of the audit log, newest first, after entry `before` (null: the newest). */
export async function readAuditLog(
  db: DB,
  page: { before: number | null; limit: number; action?: AuditAction },
): Promise<AuditEntry[]> {
  let query = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(page.limit);
  if (page.before !== null) query = query.where("id", "<", page.before);
  if (page.action) query = query.where("action", "=", page.action);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    action: row.action,
    articleId: row.article_id,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
    address: row.address,
  }));
}
