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

  // ── Accounts (helper "accounts"): sign-in limits, lib/news/sql/newsroom/sign-in-limits.ts ──
  /**
   * Whether a sign-in for `email` from `address` at `now` is refused: the account or the address
   * has had its limit of failures (SIGN_IN_LIMITS) within the last `windowMs`.
   */
  signInLimited(email: string, address: string, now: string, windowMs: number): Promise<boolean>;
  /** Counts one failed sign-in for `email` from `address` at `now` (and prunes expired ones). */
  recordSignInFailure(email: string, address: string, now: string, windowMs: number): Promise<void>;
  /** Forgets the failures counted against `email` (its owner has just signed in). */
  clearSignInFailures(email: string): Promise<void>;
}
