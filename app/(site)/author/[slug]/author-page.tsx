import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorHeader } from "@/components/list/AuthorHeader";
import { StoryListView } from "@/components/list/StoryListView";
import { JsonLd } from "@/components/seo/JsonLd";
import { getAuthorPage, getPublication } from "@/lib/news";
import { authorMetadata } from "@/lib/seo/list-metadata";
import { breadcrumbLd, HOME_CRUMB, profilePageLd } from "@/lib/seo/structured-data";
import { authorPath, frontCursorSchema, listSlugSchema } from "@/lib/urls";

/**
 * What "/author/{slug}" and its older pages "/author/{slug}/before/{id}" share: the author's
 * public stories, newest first, paged like a front; cached whole and refreshed every 30 s.
 * Unknown authors, authors with no public story and malformed cursors are 404s.
 */

export type AuthorProps = { params: Promise<{ slug: string; cursor?: string }> };

async function load(params: AuthorProps["params"]) {
  const { slug, cursor } = await params;
  const parsed = listSlugSchema.safeParse(slug);
  const before = cursor === undefined ? null : frontCursorSchema.safeParse(cursor);
  if (!parsed.success || (before !== null && !before.success)) return null;
  return getAuthorPage(parsed.data, before?.data ?? null);
}

/** The metadata of an author's page, or none for a 404. */
export async function authorPageMetadata({ params }: AuthorProps): Promise<Metadata> {
  const page = await load(params);
  return page ? authorMetadata(page, await getPublication()) : {};
}

/** An author's page, with its ProfilePage and breadcrumb structured data. */
export async function AuthorPageView({ params }: AuthorProps) {
  const page = await load(params);
  if (!page) notFound();
  const path = authorPath(page.author.slug);
  return (
    <>
      <JsonLd
        data={[
          profilePageLd(page.author),
          breadcrumbLd([HOME_CRUMB, { name: page.author.name, path }]),
        ]}
      />
      <StoryListView path={path} page={page} header={<AuthorHeader author={page.author} />} />
    </>
  );
}
