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

export type ArticleRow = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;
