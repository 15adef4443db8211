import type { AuditAction, NewsroomState } from "./sql/schema";
import type { StoryContent } from "../newsroom/story-content";
import type { Article } from "../domain";

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

// ── Stories (helper "stories") ──────────────────────────────────────────────────────────────

export type { NewsroomState } from "./sql/schema";

/** Who saves or changes a story: a staff member's id and name (null for the command line). */
export type StoryActor = { id: string | null; name: string | null };

/** Where a story stands on the desk; "scheduled" is a published story whose time is ahead. */
export type DeskState = "draft" | "review" | "scheduled" | "published" | "withdrawn";

/** A story as the newsroom's storage holds it: its workflow row and its head revision. */
export type StoryRecord = {
  id: number;
  state: NewsroomState;
  ownerId: string | null;
  version: number;
  headRevision: number;
  publishedRevision: number | null;
  /** The head revision's content: what the editor shows. */
  content: StoryContent;
  /** The public row's slug (the story's canonical URL is /article/{id}/{articleSlug}). */
  articleSlug: string;
  /** The public row's publication time (null while never published) and its withdrawal. */
  publishedAt: string | null;
  withdrawnAt: string | null;
  /** When the story was last changed in the newsroom. */
  updatedAt: string;
  reviewNote: string | null;
  withdrawnReason: string | null;
  /** Published corrections, oldest first. */
  corrections: { text: string; publishedAt: string }[];
};

/** What a save did: a new revision (null: the content was unchanged), or why it was refused. */
export type StorySaveOutcome =
  | { ok: true; version: number; revision: number | null }
  | { ok: false; kind: "conflict"; current: StoryRecord; keptAsRevision: number }
  | { ok: false; kind: "slug-taken"; byStory: number };

/** What a workflow change did, or why it was refused (a stale version, or the wrong state). */
export type StoryChangeOutcome =
  { ok: true; version: number } | { ok: false; kind: "conflict" | "state" };

/** What publishing did: published now, scheduled for later, or republished a live story. */
export type StoryPublishOutcome =
  | {
      ok: true;
      version: number;
      action: "published" | "scheduled" | "republished";
      imageAltChanged: boolean;
    }
  | { ok: false; kind: "conflict" | "state" }
  | { ok: false; kind: "slug-taken"; byStory: number }
  /** The section or lead photo the story names no longer exists. */
  | { ok: false; kind: "missing"; field: "sectionId" | "lead.imageId" };

/** The desk's question (lib/newsroom/stories.ts listDesk). */
export type DeskQuery = {
  state: DeskState;
  section?: number;
  /** An owner's id, or words of a byline name. */
  author?: string;
  /** Words that must all appear in the headline. */
  words?: string;
  sort: "newest" | "oldest";
  /** Only stories owned by `ownerId`. */
  ownerId?: string;
  page: number;
  pageSize: number;
};

/** One story on the desk. */
export type DeskRow = {
  id: number;
  headline: string;
  state: DeskState;
  sectionName: string | null;
  authorNames: string[];
  ownerId: string | null;
  updatedAt: string;
  publishedAt: string | null;
  hasPendingChanges: boolean;
};

/** One revision in a story's history. */
export type RevisionEntry = {
  number: number;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
  note: string | null;
  published: boolean;
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

  // ── Stories, revisions, the desk, publishing, corrections (helper "stories") ─────────────
  /**
   * Creates a draft story owned by `owner` with `content` as revision 1 (an `articles` row with
   * status draft and external_id "newsroom:<uuid>", in the first section while it has none).
   * Throws when the site has no section yet.
   */
  createStory(input: {
    owner: StoryActor;
    content: StoryContent;
    at: string;
  }): Promise<{ id: number }>;
  /**
   * Story `id`, or null for no such article. An imported article without a workflow row gets
   * one now (state from the article, revision 1 from its row), so imported stories are editable.
   */
  story(id: number): Promise<StoryRecord | null>;
  /**
   * Saves `content` as a new revision when it differs from the head, if `version` is current
   * (compare-and-set in one transaction). A stale version is a conflict: the content is still
   * kept, as a revision noted "Not applied: saved over revision N by …", and not applied. A
   * slug another story holds is refused. `note` is kept with a new revision; `force` makes a
   * revision even when the content is unchanged (a restore). Null for an unknown story.
   */
  saveStory(
    id: number,
    input: {
      version: number;
      content: StoryContent;
      by: StoryActor;
      at: string;
      note?: string;
      force?: boolean;
    },
  ): Promise<StorySaveOutcome | null>;
  /** Moves story `id` from one of `from` to `to` (review note kept when given); null: unknown. */
  changeStoryState(
    id: number,
    input: {
      version: number;
      from: NewsroomState[];
      to: NewsroomState;
      reviewNote?: string | null;
      at: string;
    },
  ): Promise<StoryChangeOutcome | null>;
  /**
   * Publishes the head revision of story `id` into its public `articles` row, bylines, tags,
   * lead photo and search index: at `publishAt` (after `at`: scheduled); a live story is
   * republished (its "Updated" time becomes `at`). `correction` is published with it. Null:
   * unknown story. The caller has checked the content (storyReadySchema).
   */
  publishStory(
    id: number,
    input: { version: number; publishAt: string; correction: string | null; at: string },
  ): Promise<StoryPublishOutcome | null>;
  /** Withdraws a published (or scheduled) story: its URL answers 410; the reason is kept. */
  withdrawStory(
    id: number,
    input: { version: number; reason: string; at: string },
  ): Promise<StoryChangeOutcome | null>;
  /** A page of the desk at `now`, and whether more follow, and how many match. */
  desk(
    query: DeskQuery,
    now: string,
  ): Promise<{ rows: DeskRow[]; hasMore: boolean; total: number }>;
  /** Story `id`'s revisions, newest first (empty for an unknown story). */
  revisions(id: number): Promise<RevisionEntry[]>;
  /** The content of revision `number` of story `id`, or null. */
  revisionContent(id: number, number: number): Promise<StoryContent | null>;

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
