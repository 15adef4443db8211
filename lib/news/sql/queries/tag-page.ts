import type { DB } from "../db";
import type { Tag, TagPage } from "../../../domain";
import { byTag, storyListPage } from "./story-lists";

/** The tag whose slug is `slug` (decoded, NFC, as lib/format/slug.ts makes it), or undefined. */
export async function findTag(db: DB, slug: string): Promise<Tag | undefined> {
  return db
    .selectFrom("tags")
    .select(["id", "slug", "name"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/**
 * One page of a tag's public stories at `now` (see storyListPage), or null for an unknown tag or
 * cursor. A tag with no public story has no page: a tag of drafts alone is not revealed.
 */
export async function getTagPage(
  db: DB,
  slug: string,
  before: number | null,
  now: string,
): Promise<TagPage | null> {
  const tag = await findTag(db, slug);
  if (!tag) return null;
  const page = await storyListPage(db, byTag(tag.id), before, now);
  return page && page.articles.length > 0 ? { ...page, tag } : null;
}
