import type { Metadata } from "next";
import type { AuthorPage, Publication, TagPage } from "../domain";
import { authorPath, frontPagePath, tagPath } from "../urls";
import { metaDescription, olderPageLabel, websiteMetadata } from "./page-metadata";

/**
 * Metadata of an author's page or one of its older pages: "Yonhap" (or "Yonhap: stories from …
 * and earlier"), the bio as description, self-canonical, the page's feed; `noindex, follow` while
 * the author has fewer than THIN_LIST_STORIES public stories (lib/seo/thin-pages.ts).
 */
export function authorMetadata(page: AuthorPage, publication: Publication): Metadata {
  const { author } = page;
  const path = authorPath(author.slug);
  const older = page.before === null ? null : olderPageLabel(page.articles);
  const about = author.bio
    ? metaDescription(author.bio)
    : `Stories by ${author.name} in ${publication.name}.`;
  return websiteMetadata(publication, {
    title: older ? `${author.name}: ${older}` : author.name,
    description: older ? `Stories by ${author.name} in ${publication.name}: ${older}.` : about,
    path: frontPagePath(path, page.before),
    feed: { title: `${author.name} - ${publication.name}`, path },
    thin: !page.indexable,
  });
}

/** Metadata of a tag's page or one of its older pages, as {@link authorMetadata}. */
export function tagMetadata(page: TagPage, publication: Publication): Metadata {
  const { tag } = page;
  const path = tagPath(tag.slug);
  const older = page.before === null ? null : olderPageLabel(page.articles);
  return websiteMetadata(publication, {
    // Not the bare name: a tag may be called like a section ("Asia").
    title: older ? `Stories tagged ${tag.name}: ${older}` : `Stories tagged ${tag.name}`,
    description: older
      ? `Stories tagged ${tag.name} in ${publication.name}: ${older}.`
      : `The latest stories tagged ${tag.name} in ${publication.name}.`,
    path: frontPagePath(path, page.before),
    feed: { title: `Tag: ${tag.name} - ${publication.name}`, path },
    thin: !page.indexable,
  });
}
