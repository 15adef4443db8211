import type { Article } from "../domain";
import type { AuditAction, NewsroomState } from "./sql/schema";

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

/** A shareable preview link to store (helper "preview"; lib/newsroom/preview-links.ts). */
export type PreviewLinkInput = {
  /** Random, URL-safe (lib/preview/tokens.ts LINK_ID): the token's `jti`. */
  id: string;
  articleId: number;
  /** The revision it shows, or null for the story's latest. */
  revision: number | null;
  /** The staff member who made it, or null for `npm run preview-link`. */
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
};

/** A stored preview link, as the story lists it. */
export type PreviewLinkRow = PreviewLinkInput & {
  revokedAt: string | null;
  revokedBy: string | null;
  /** The name of the staff member who made it (null for the command line or an unknown id). */
  createdByName: string | null;
};

/** Where a newsroom story's revisions stand, for preview and its banner. */
export type StoryRevisionsState = {
  state: NewsroomState;
  ownerId: string | null;
  headRevision: number;
  publishedRevision: number | null;
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

  // ── Preview (helper "preview") ────────────────────────────────────────────────────────────
  /**
   * Revision `revision` (null: the head) of story `articleId` as its public page would show it,
   * or null for a story without a newsroom_stories row (an imported one), an unknown revision
   * or unreadable content (lib/news/sql/newsroom/revision-article.ts).
   */
  revisionArticle(articleId: number, revision: number | null, now: string): Promise<Article | null>;
  /** Where story `articleId`'s revisions stand, or null when it has no newsroom_stories row. */
  storyRevisionsState(articleId: number): Promise<StoryRevisionsState | null>;
  /** Stores a preview link. */
  createPreviewLink(link: PreviewLinkInput): Promise<void>;
  /** Preview link `id`, or null. */
  previewLink(id: string): Promise<PreviewLinkRow | null>;
  /** Every preview link of story `articleId`, newest first, revoked and expired ones too. */
  previewLinks(articleId: number): Promise<PreviewLinkRow[]>;
  /** Revokes link `id` (a second revocation keeps the first); the link as it stands, or null. */
  revokePreviewLink(id: string, by: string | null, at: string): Promise<PreviewLinkRow | null>;

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
