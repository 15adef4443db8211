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

// ── Media (helper "media"; lib/news/sql/newsroom/media.ts) ────────────────────────────────────

/** A photo to store: re-encoded bytes (lib/newsroom/photo-pipeline.ts) and its description. */
export type NewPhoto = {
  bytes: Uint8Array;
  /** "image/jpeg" or "image/webp". */
  contentType: string;
  /** The file name's extension without a dot ("jpg", "webp"). */
  extension: string;
  sha256: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  licence: string;
  uploadedBy: string | null;
  uploadedAt: string;
};

/** An uploaded photo as the media library shows it; `src` is its public URL (/media/…). */
export type MediaPhoto = {
  imageId: number;
  /** The `images` row's file, "media/<imageId>.<ext>". */
  file: string;
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  licence: string;
  contentType: string;
  byteSize: number;
  uploadedBy: string | null;
  uploadedAt: string;
};

/** An uploaded photo's bytes, for GET /media/<imageId>/… */
export type MediaFile = { file: string; contentType: string; bytes: Uint8Array; sha256: string };

/** One page of the media library. */
export type MediaLibraryPage = { photos: MediaPhoto[]; hasMore: boolean; total: number };

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
  // ── Media (helper "media") ──────────────────────────────────────────────────────────────────
  /** Stores an uploaded photo (an `images` row and its bytes) and returns it. */
  insertPhoto(photo: NewPhoto): Promise<MediaPhoto>;
  /** An uploaded photo's description, or null for an id that is no upload. */
  photo(imageId: number): Promise<MediaPhoto | null>;
  /** An uploaded photo's bytes and type, or null for an id that is no upload. */
  mediaFile(imageId: number): Promise<MediaFile | null>;
  /** Uploaded photos newest first, paged (1-based), filtered by words of alt, caption, credit. */
  mediaLibrary(query: { page: number; perPage: number; words: string }): Promise<MediaLibraryPage>;
}
