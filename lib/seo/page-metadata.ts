import type { Metadata } from "next";
import type { Article, Publication, SectionFrontPage } from "../domain";
import { toKstIso } from "../format/date";
import { firstSentence } from "../format/summary";
import { absoluteUrl, feedPath, frontPagePath } from "../urls";

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

/** The home page: the publication's name, its description, canonical "/", the site feed. */
export function homeMetadata(publication: Publication): Metadata {
  const description = `News from Korea and the world: politics, business, culture, sport and opinion from ${publication.name}.`;
  return {
    title: { absolute: publication.name },
    description,
    alternates: { canonical: absoluteUrl("/"), types: rss(publication.name) },
    openGraph: {
      type: "website",
      url: absoluteUrl("/"),
      siteName: publication.name,
      title: publication.name,
      description,
      locale: "en_US",
    },
    twitter: { card: "summary_large_image", title: publication.name, description },
  };
}

/**
 * A section front or one of its older pages: self-canonical (an older page to its own
 * "/national/before/ID" URL, since it lists other stories), with the front's own feed.
 */
export function frontMetadata(front: SectionFrontPage, publication: Publication): Metadata {
  const name = front.parent ? `${front.section.name} - ${front.parent.name}` : front.section.name;
  const title = front.before === null ? name : `${name} (older stories)`;
  const path = frontPagePath(front.section.path, front.before);
  const description = `The latest ${front.section.name} news from ${publication.name}${front.before === null ? "" : ", older stories"}.`;
  return {
    title,
    description,
    alternates: {
      canonical: absoluteUrl(path),
      types: rss(`${front.section.name} - ${publication.name}`, front.section.path),
    },
    openGraph: {
      type: "website",
      url: absoluteUrl(path),
      siteName: publication.name,
      title,
      description,
      locale: "en_US",
    },
    twitter: { card: "summary_large_image", title, description },
  };
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
