import type { Database } from "../sql/schema";

/**
 * How each table of the schema (lib/news/sql/schema.ts) moves from one database to another:
 * copied row for row, at `step` (parents before the rows that refer to them), read in the order
 * of `key`; or rebuilt on the target from what was copied. A `Record` over the schema's tables,
 * so a table added to `Database` does not compile until it has a line here;
 * lib/news/copy/tables.test.ts compares this list with the tables the migrations make.
 */
export type TablePlan = { step: number; key: readonly string[] } | { rebuilt: string };

export const TABLE_PLAN: Record<keyof Database, TablePlan> = {
  seed_state: { step: 1, key: ["id"] },
  publication: { step: 2, key: ["id"] },
  publication_links: { step: 3, key: ["id"] },
  images: { step: 4, key: ["id"] },
  // A section may sit under any other: copy-database.ts orders them parents first.
  sections: { step: 5, key: ["id"] },
  authors: { step: 6, key: ["id"] },
  tags: { step: 7, key: ["id"] },
  articles: { step: 8, key: ["id"] },
  article_authors: { step: 9, key: ["article_id", "author_id"] },
  article_tags: { step: 10, key: ["article_id", "tag_id"] },
  page_views: { step: 11, key: ["id"] },
  newsroom_stories: { step: 12, key: ["article_id"] },
  article_revisions: { step: 13, key: ["id"] },
  article_corrections: { step: 14, key: ["id"] },
  preview_links: { step: 15, key: ["id"] },
  audit_log: { step: 16, key: ["id"] },
  media_files: { step: 17, key: ["image_id"] },
  sign_in_failures: { rebuilt: "not copied: failed sign-ins are counted afresh on the target" },
  most_read: { rebuilt: "MOST POPULAR is ranked again on the target for each stored list size" },
};

/** The tables copied row for row, in the order they are written. */
export const COPIED_TABLES: ReadonlyArray<{ table: keyof Database; key: readonly string[] }> =
  Object.entries(TABLE_PLAN)
    .flatMap(([table, plan]) =>
      "step" in plan ? [{ table: table as keyof Database, key: plan.key, step: plan.step }] : [],
    )
    .sort((a, b) => a.step - b.step)
    .map(({ table, key }) => ({ table, key }));

/**
 * Tables a backend's migrations make that are not part of the content: the search indexes and
 * their bookkeeping (SQLite's FTS5 tables `article_search`, `article_headlines`, `search_dirty`,
 * `search_defer`; PostgreSQL's `article_search`), rebuilt on the target, and Kysely's record of
 * migrations, which `npm run setup` writes on each side.
 */
export const DERIVED_TABLES: readonly string[] = [
  "article_search",
  "article_headlines",
  "search_dirty",
  "search_defer",
  "kysely_migration",
  "kysely_migration_lock",
];

/**
 * better-auth's tables (migration 0009-accounts): staff accounts, password hashes, sessions and
 * two-factor secrets. Not copied: the copy moves content, and the two backends store these
 * columns differently (booleans, timestamps). Make the staff accounts again on the target with
 * `npm run newsroom -- add-user` (docs/newsroom.md).
 */
export const ACCOUNT_TABLES: readonly string[] = [
  "auth_user",
  "auth_session",
  "auth_account",
  "auth_verification",
  "auth_two_factor",
];
