import type { DB } from "../db";
import type { AuthorPage, AuthorProfile } from "../../../domain";
import { IMAGE_COLUMNS, imageFromRow } from "./article-rows";
import { byAuthor, storyListPage } from "./story-lists";

/**
 * The author whose byline slug is `slug` (as stored: the decoded, NFC slug of lib/format/slug.ts),
 * with the optional bio and photo, or undefined.
 */
export async function findAuthor(db: DB, slug: string): Promise<AuthorProfile | undefined> {
  const row = await db
    .selectFrom("authors as o")
    .leftJoin("images as i", "i.id", "o.image_id")
    .select(["o.id", "o.slug", "o.name", "o.kind", "o.bio"])
    .select(IMAGE_COLUMNS)
    .where("o.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const photo = imageFromRow(row);
  return { id: row.id, slug: row.slug, name: row.name, kind: row.kind, bio: row.bio, photo };
}

/**
 * One page of an author's public stories at `now` (see storyListPage), or null for an unknown
 * author or cursor. An author with no public story has no page: a byline of drafts alone is not revealed.
 */
export async function getAuthorPage(
  db: DB,
  slug: string,
  before: number | null,
  now: string,
): Promise<AuthorPage | null> {
  const author = await findAuthor(db, slug);
  if (!author) return null;
  const page = await storyListPage(db, byAuthor(author.id), before, now);
  return page && page.articles.length > 0 ? { ...page, author } : null;
}
