import type { Metadata } from "next";
import type { Article, Publication, SectionFrontPage } from "../domain";
import { formatKstDateTime, toKstIso } from "../format/date";
import { firstSentence } from "../format/summary";
import { absoluteUrl, feedPath, frontPagePath } from "../urls";
import { frontCardPath } from "../og/paths";
import { THIN_PAGE_ROBOTS } from "./thin-pages";

/**
 * Next.js metadata for each kind of page: title, description (at most ~160 characters), an
 * absolute canonical URL from HERALD_SITE_URL, the RSS alternate, OpenGraph and a large-image
 * Twitter card. Built from domain values only; Next.js escapes them once for the HTML head.
 * Sources: Open Graph protocol (ogp.me, og:type article), Twitter/X cards (summary_large_image).
 */

/** Description text: the given text's first sentence, at most 160 characters. */
export const metaDescription = (text: string) => firstSentence(text, 160);

const rss = (title: string, path?: string) => ({
  "application/rss+xml": [{ url: feedPath(path), title }],
});

/**
 * The share card of a page that has no photo of its own: the generated card of the front at
 * `frontPath` ("/" for the home page: the masthead alone), 1200×630.
 */
function frontCard(frontPath: string, alt: string) {
  return { url: absoluteUrl(frontCardPath(frontPath)), width: 1200, height: 630, alt };
}

/**
 * What every page but an article declares: title, description, self-canonical URL, OpenGraph
 * (type website) and a large-image Twitter card with the generated card of `cardFront`, the RSS
 * alternate when `feed` is given, and `noindex, follow` when `thin` (lib/seo/thin-pages.ts).
 */
export function websiteMetadata(
  publication: Publication,
  page: {
    title: string;
    /** True for the home page: its title is the publication's name alone. */
    absoluteTitle?: boolean;
    description: string;
    path: string;
    cardFront?: string;
    feed?: { title: string; path?: string };
    thin?: boolean;
  },
): Metadata {
  const url = absoluteUrl(page.path);
  const image = frontCard(page.cardFront ?? "/", `${page.title} - ${publication.name}`);
  return {
    title: page.absoluteTitle ? { absolute: page.title } : page.title,
    description: page.description,
    alternates: {
      canonical: url,
      ...(page.feed ? { types: rss(page.feed.title, page.feed.path) } : {}),
    },
    ...(page.thin ? { robots: THIN_PAGE_ROBOTS } : {}),
    openGraph: {
      type: "website",
      url,
      siteName: publication.name,
      title: page.title,
      description: page.description,
      locale: "en_US",
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: page.title,
      description: page.description,
      images: [image],
    },
  };
}

/** The home page: the publication's name, its description, canonical "/", the site feed. */
export function homeMetadata(publication: Publication): Metadata {
  return websiteMetadata(publication, {
    title: publication.name,
    absoluteTitle: true,
    description: `News from Korea and the world: politics, business, culture, sport and opinion from ${publication.name}.`,
    path: "/",
    feed: { title: publication.name },
  });
}

/**
 * A standing page (privacy, copyright, ombudsman, subscribe): its title, its first sentence as
 * description, self-canonical at `path`, with the home page's share card.
 */
export function standingMetadata(
  page: { title: string; paragraphs: string[] },
  path: string,
  publication: Publication,
): Metadata {
  return websiteMetadata(publication, {
    title: page.title,
    description: metaDescription(page.paragraphs[0] ?? page.title),
    path,
  });
}

/**
 * How an older page of a front or list tells itself apart from the others in a title or
 * description: "stories from Sept 16, 2021 - 21:17 and earlier" (its newest story's time, KST).
 * `articles` are the page's stories, newest first.
 */
export function olderPageLabel(articles: ReadonlyArray<{ publishedAt: string }>): string {
  const first = articles[0];
  return first
    ? `stories from ${formatKstDateTime(first.publishedAt)} and earlier`
    : "older stories";
}

/**
 * A section front or one of its older pages: self-canonical (an older page to its own
 * "/national/before/ID" URL, since it lists other stories), with the front's own feed and share
 * card. An older page's title and description say which stories it holds, so no two pages of a
 * front share a title. A front with no public story yet is `noindex, follow` (a soft 404 otherwise).
 */
export function frontMetadata(front: SectionFrontPage, publication: Publication): Metadata {
  const name = front.parent ? `${front.section.name} - ${front.parent.name}` : front.section.name;
  const older = front.before === null ? null : olderPageLabel(front.articles);
  return websiteMetadata(publication, {
    title: older ? `${name}: ${older}` : name,
    description: older
      ? `${front.section.name} news from ${publication.name}: ${older}.`
      : `The latest ${front.section.name} news from ${publication.name}.`,
    path: frontPagePath(front.section.path, front.before),
    cardFront: front.section.path,
    feed: { title: `${front.section.name} - ${publication.name}`, path: front.section.path },
    thin: front.articles.length === 0,
  });
}

/**
 * An article: headline as title, standfirst (or the body's first sentence) as description,
 * og:type article with published and modified times (+09:00), section and tags, the lead photo
 * (with size and alt) or the generated card image (/og/article/{id}) when it has none.
 */
export function articleMetadata(article: Article, publication: Publication): Metadata {
  const description = metaDescription(article.standfirst || article.summary);
  const url = absoluteUrl(article.path);
  const image = article.image
    ? {
        url: absoluteUrl(article.image.src),
        width: article.image.width,
        height: article.image.height,
        alt: article.image.alt,
      }
    : {
        url: absoluteUrl(ogImagePath(article.id)),
        width: 1200,
        height: 630,
        alt: article.headline,
      };
  return {
    title: article.headline,
    description,
    alternates: {
      canonical: url,
      types: rss(`${article.section.name} - ${publication.name}`, article.section.path),
    },
    openGraph: {
      type: "article",
      url,
      siteName: publication.name,
      locale: "en_US",
      title: article.headline,
      description,
      publishedTime: toKstIso(article.publishedAt),
      modifiedTime: toKstIso(article.updatedAt),
      section: article.section.name,
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => a.name),
      images: [image],
    },
    twitter: { card: "summary_large_image", title: article.headline, description, images: [image] },
  };
}

/** Path of the generated card image for an article without a photo. */
export const ogImagePath = (articleId: number) => `/og/article/${articleId}`;

/**
 * A search results page: never indexed (robots noindex; links are still followed), titled with
 * the query. No canonical URL: result pages are not documents of their own.
 */
export function searchMetadata(query: string): Metadata {
  const title = query ? `Search: ${query}` : "Search";
  return {
    title,
    description: "Search the stories of The Korea Herald.",
    robots: { index: false, follow: true },
  };
}
