import type { AuditAction } from "./sql/schema";

export type { AuditAction } from "./sql/schema";

/** One entry to write to the audit log; `at` is ISO 8601 UTC. */
export type AuditEntryInput = {
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  articleId?: number | null;
  detail?: Record<string, unknown>;
  address?: string | null;
};

/** An entry of the audit log as the newsroom shows it. */
export type AuditEntry = Required<Omit<AuditEntryInput, "detail">> & {
  id: number;
  detail: Record<string, unknown>;
};

/**
 * The newsroom's storage seam (issue 17; docs/newsroom.md): the workflow, revisions, preview
 * links, media and the audit log, over the same database as the NewsStore. Made by
 * newsroomStoreOver (lib/news/sql/newsroom/store.ts) and reached through NewsStore.newsroom().
 * Methods throw only on storage errors unless they say otherwise.
 */
export interface NewsroomStore {
  // ── Audit log ─────────────────────────────────────────────────────────────────────────────
  /** Appends one entry to the audit log. */
  audit(entry: AuditEntryInput): Promise<void>;
  /**
   * The audit log, newest first: up to `limit` entries older than entry `before` (null: from
   * the newest), of one action when `action` is given.
   */
  auditLog(page: {
    before: number | null;
    limit: number;
    action?: AuditAction;
  }): Promise<AuditEntry[]>;
}
