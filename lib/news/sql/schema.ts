import type { Generated, Insertable, Selectable } from "kysely";

/**
 * The database's tables as Kysely sees them. Times are ISO 8601 strings in UTC
 * ("2021-09-16T12:17:00.000Z"), which sort correctly as text in SQLite and PostgreSQL alike.
 */
export interface Database {
  publication: PublicationTable;
  publication_links: PublicationLinkTable;
  sections: SectionTable;
  authors: AuthorTable;
  images: ImageTable;
  articles: ArticleTable;
  article_authors: ArticleAuthorTable;
  tags: TagTable;
  article_tags: ArticleTagTable;
  page_views: PageViewTable;
  most_read: MostReadTable;
  newsroom_stories: NewsroomStoryTable;
  article_revisions: ArticleRevisionTable;
  article_corrections: ArticleCorrectionTable;
  preview_links: PreviewLinkTable;
  audit_log: AuditLogTable;
  media_files: MediaFileTable;
  sign_in_failures: SignInFailureTable;
  seed_state: { id: number; seeded_at: string };
}

export interface PublicationTable {
  id: number;
  name: string;
  publisher_company: string;
  locale: string;
  time_zone: string;
  /** JSON object of the footer's registration lines, keyed as in seed-publication.json. */
  registration_json: string;
  /** JSON array of month abbreviations for the date style. */
  date_months_json: string;
}

export interface PublicationLinkTable {
  id: Generated<number>;
  kind: "promo" | "footer";
  label: string;
  href: string;
  position: number;
}

export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  parent_id: number | null;
  position: number;
  legacy_code: string | null;
}

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: "staff" | "agency" | "collective";
  /** A short bio for the author's page (plain text), or null. */
  bio: Generated<string | null>;
  /** The author's photograph, or null. */
  image_id: Generated<number | null>;
}

export interface ImageTable {
  id: Generated<number>;
  file: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  licence: string;
  source: string;
}

export type ArticleStatus = "draft" | "scheduled" | "published";

export interface ArticleTable {
  id: Generated<number>;
  /** Stable id from the import source, so a re-import updates instead of duplicating. */
  external_id: string;
  slug: string;
  headline: string;
  standfirst: string;
  /** JSON array of body blocks (see lib/domain.ts: BodyBlock). Plain text only, never HTML. */
  body_json: string;
  section_id: number;
  status: ArticleStatus;
  published_at: string | null;
  updated_at: string;
  lead_image_id: number | null;
  /** Caption and credit of the lead photo; may be set without an image file (the seed article). */
  lead_image_caption: string | null;
  lead_image_credit: string | null;
  source_url: string | null;
  /** Licence of the text, e.g. "CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/)"; null for our own. */
  licence: string | null;
  /** The earlier site's id (/view.php?ud=…), 14 digits; null for stories it never had. */
  legacy_id: string | null;
  /** When the article was withdrawn after publication (its URL then answers 410), or null. */
  withdrawn_at: string | null;
}

export interface ArticleAuthorTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
}

export interface PageViewTable {
  id: Generated<number>;
  article_id: number;
  /** SHA-256 of the reader's random cookie id, truncated: never the raw id, never an IP address. */
  reader_hash: string;
  viewed_at: string;
}

/** The latest MOST POPULAR ranking of one list size (lib/news/sql/queries/most-popular.ts). */
export interface MostReadTable {
  list_size: number;
  /** The instant the ranking describes (ISO 8601 UTC). */
  computed_at: string;
  window: "24h" | "7d" | "30d" | "all" | "newest";
  /** JSON array of { id, views } in rank order; views is null for stories filled in by date. */
  items_json: string;
}

/** Where a newsroom story stands; "scheduled" is a published story whose time is still ahead. */
export type NewsroomState = "draft" | "review" | "published" | "withdrawn";

/** A story's place in the newsroom's workflow (migration 0008-newsroom). */
export interface NewsroomStoryTable {
  article_id: number;
  state: NewsroomState;
  /** The writer who created it (a better-auth user id), or null for an imported story. */
  owner_id: string | null;
  /** The number of the latest revision: what the editor shows. */
  head_revision: number;
  /** The number of the revision readers see, or null while it has never been published. */
  published_revision: number | null;
  /** Raised by every change; a save naming an older version is refused (no silent overwrite). */
  version: Generated<number>;
  /** The editor's note when sending a story back to its writer. */
  review_note: string | null;
  /** Why it was withdrawn (required to withdraw; also in the audit log). */
  withdrawn_reason: string | null;
  created_at: string;
  updated_at: string;
  /** The head revision's slug (unique among stories), or null while it has none (0010). */
  slug: string | null;
  /** The head revision's headline, section and byline names (JSON array), for the desk (0010). */
  headline: Generated<string>;
  section_id: number | null;
  byline_names: Generated<string>;
}

/** One saved version of a story's content (lib/newsroom/story-content.ts, as JSON). */
export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  /** 1, 2, 3… per story. */
  number: number;
  content_json: string;
  created_by: string | null;
  created_at: string;
  /** e.g. "Restored from revision 2". */
  note: string | null;
  /** The name of who saved it, as it was then (0010); null for the import's revision. */
  created_by_name: string | null;
}

/** A correction note printed under a story's body, with its time. */
export interface ArticleCorrectionTable {
  id: Generated<number>;
  article_id: number;
  revision_number: number | null;
  text: string;
  published_at: string;
}

/** A shareable preview link: its signed token names this row, which can be revoked at once. */
export interface PreviewLinkTable {
  /** Random, URL-safe; the token's `jti`. */
  id: string;
  article_id: number;
  /** The revision it shows, or null for the latest. */
  revision_number: number | null;
  /** The staff member who made it, or null for `npm run preview-link`. */
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** What the audit log records (docs/newsroom.md, "What is logged"). */
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in-failed",
  "sign-out",
  "user-created",
  "role-changed",
  "password-changed",
  "sessions-revoked",
  "two-factor-enabled",
  "two-factor-disabled",
  "story-created",
  "submitted",
  "sent-back",
  "published",
  "scheduled",
  "republished",
  "corrected",
  "withdrawn",
  "restored",
  "preview-link-created",
  "preview-link-revoked",
  "photo-uploaded",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of the audit log: who did what, when. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: AuditAction;
  article_id: number | null;
  /** JSON object: what else matters (a reason, a role, an address's failures). */
  detail_json: Generated<string>;
  address: string | null;
}

/** An uploaded photo's bytes (re-encoded, metadata stripped), for the `images` row `image_id`. */
export interface MediaFileTable {
  image_id: number;
  content_type: string;
  bytes: Buffer;
  byte_size: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

export type ArticleRow = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;

/**
 * One failed newsroom sign-in counted under `key` ("account:<email>" or "address:<address>") at
 * `at` (ISO UTC): lib/news/sql/newsroom/sign-in-limits.ts. better-auth's own tables (auth_*,
 * migration 0009-accounts) are better-auth's to read and are not typed here.
 */
export interface SignInFailureTable {
  id: Generated<number>;
  key: string;
  at: string;
}
