import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryListView } from "@/components/list/StoryListView";
import { TagHeader } from "@/components/list/TagHeader";
import { JsonLd } from "@/components/seo/JsonLd";
import { getPublication, getTagPage } from "@/lib/news";
import { tagMetadata } from "@/lib/seo/list-metadata";
import { breadcrumbLd, HOME_CRUMB } from "@/lib/seo/structured-data";
import { frontCursorSchema, listSlugSchema, tagPath } from "@/lib/urls";

/**
 * What "/tag/{slug}" and its older pages "/tag/{slug}/before/{id}" share: the tag's public
 * stories, newest first, paged like a front; cached whole and refreshed every 30 s. Unknown
 * tags, tags with no public story and malformed cursors are 404s.
 */

export type TagProps = { params: Promise<{ slug: string; cursor?: string }> };

async function load(params: TagProps["params"]) {
  const { slug, cursor } = await params;
  const parsed = listSlugSchema.safeParse(slug);
  const before = cursor === undefined ? null : frontCursorSchema.safeParse(cursor);
  if (!parsed.success || (before !== null && !before.success)) return null;
  return getTagPage(parsed.data, before?.data ?? null);
}

/** The metadata of a tag's page, or none for a 404. */
export async function tagPageMetadata({ params }: TagProps): Promise<Metadata> {
  const page = await load(params);
  return page ? tagMetadata(page, await getPublication()) : {};
}

/** A tag's page, with its breadcrumb structured data. */
export async function TagPageView({ params }: TagProps) {
  const page = await load(params);
  if (!page) notFound();
  const path = tagPath(page.tag.slug);
  return (
    <>
      <JsonLd data={breadcrumbLd([HOME_CRUMB, { name: page.tag.name, path }])} />
      <StoryListView path={path} page={page} header={<TagHeader tag={page.tag} />} />
    </>
  );
}
