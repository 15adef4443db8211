import type { SectionNode, SectionRef } from "../../../domain";
import { photoBytes } from "../../../seo/feed-data";
import type { RssFeedInput } from "../../../seo/feeds";
import type { DB } from "../db";
import { FEED_SIZE, getFeedArticles } from "./feeds";
import { getPublication } from "./publication";
import { findSection, getSectionTree } from "./sections";
import { findAuthor } from "./author-page";
import { findTag } from "./tag-page";
import { byAuthor, byTag } from "./story-lists";
import { authorPath, tagPath } from "../../../urls";

/**
 * Everything the feed of the site (`segments` []) or of a section front (["national"],
 * ["national", "politics"]) needs, read at `now` (ISO 8601 UTC): the publication, the section and
 * its parent, and its FEED_SIZE newest public stories with the byte size of each one's photo.
 * Returns null for an unknown section.
 */
export async function loadFeedInput(
  db: DB,
  segments: readonly string[],
  now: string,
  bytesOf: (src: string) => number | null = photoBytes,
): Promise<RssFeedInput | null> {
  let front: RssFeedInput["front"] = null;
  let section: SectionNode | SectionRef | null = null;
  if (segments.length > 0) {
    const target = findSection(await getSectionTree(db), segments);
    if (!target) return null;
    section = target.section;
    front = { section: pick(target.section), parent: target.parent && pick(target.parent) };
  }
  const publication = await getPublication(db);
  const articles = await getFeedArticles(db, section, FEED_SIZE, now);
  return {
    publication: {
      name: publication.name,
      locale: publication.locale,
      copyright: publication.registration.copyright,
    },
    front,
    articles: articles.map((a) => ({ ...a, imageBytes: a.image ? bytesOf(a.image.src) : null })),
    now,
  };
}

/** A SectionRef without a node's children and legacy code (the feed needs neither). */
const pick = (s: SectionRef): SectionRef => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  path: s.path,
});

/**
 * What the RSS feed of an author's or a tag's page needs at `now`: the publication, the list's
 * name and page path, and its FEED_SIZE newest public stories. Null for an unknown author or tag,
 * or one with no public story (which has no page either).
 */
export async function loadListFeedInput(
  db: DB,
  kind: "author" | "tag",
  slug: string,
  now: string,
  bytesOf: (src: string) => number | null = photoBytes,
): Promise<RssFeedInput | null> {
  const found = kind === "author" ? await findAuthor(db, slug) : await findTag(db, slug);
  if (!found) return null;
  const scope = kind === "author" ? byAuthor(found.id) : byTag(found.id);
  const articles = await getFeedArticles(db, { scope }, FEED_SIZE, now);
  if (articles.length === 0) return null;
  const publication = await getPublication(db);
  return {
    publication: {
      name: publication.name,
      locale: publication.locale,
      copyright: publication.registration.copyright,
    },
    front: null,
    list: {
      kind,
      name: found.name,
      path: kind === "author" ? authorPath(found.slug) : tagPath(found.slug),
    },
    articles: articles.map((a) => ({ ...a, imageBytes: a.image ? bytesOf(a.image.src) : null })),
    now,
  };
}
