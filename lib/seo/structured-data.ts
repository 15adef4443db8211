import type {
  BreadcrumbList,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  SearchAction,
  WebSite,
  WithContext,
} from "schema-dts";
import type { Article, Author, Publication, SectionRef } from "../domain";
import { toKstIso } from "../format/date";
import { absoluteUrl } from "../urls";
import { metaDescription, ogImagePath } from "./page-metadata";

/**
 * Structured data (JSON-LD, schema.org, typed with schema-dts) for Google's news features:
 * NewsArticle with its publisher, BreadcrumbList, WebSite and NewsMediaOrganization. Dates carry
 * the +09:00 offset. Sources: schema.org/NewsArticle; Google Search Central, "Article" and
 * "Breadcrumb" structured data.
 */

export const LOGO = { path: "/images/logo.png", width: 600, height: 60 };

/** The publisher as schema.org sees it: a NewsMediaOrganization with its logo. */
export function publisherLd(
  publication: Publication,
): Extract<NewsMediaOrganization, { "@type": "NewsMediaOrganization" }> {
  return {
    "@type": "NewsMediaOrganization",
    "@id": absoluteUrl("/#publisher"),
    name: publication.name,
    legalName: publication.publisherCompany,
    url: absoluteUrl("/"),
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(LOGO.path),
      width: `${LOGO.width}`,
      height: `${LOGO.height}`,
    },
    address: publication.registration.address,
    telephone: publication.registration.tel,
  };
}

/**
 * A SearchAction with the `query-input` annotation (schema.org's "-input" convention for action
 * parameters, which schema-dts does not model) naming the URL template's placeholder.
 */
export type SearchActionWithInput = SearchAction & { "query-input": string };

/**
 * The site search as a SearchAction (schema.org/SearchAction; Google Search Central, "Sitelinks
 * search box"): `{search_term_string}` in the URL template is replaced by what the reader types.
 */
export function searchActionLd(): SearchActionWithInput {
  return {
    "@type": "SearchAction",
    target: {
      "@type": "EntryPoint",
      urlTemplate: `${absoluteUrl("/search")}?q={search_term_string}`,
    },
    "query-input": "required name=search_term_string",
  };
}

/** Home page: the WebSite (with its SearchAction) and the NewsMediaOrganization that publishes it. */
export function homeLd(
  publication: Publication,
): Array<WithContext<WebSite | NewsMediaOrganization>> {
  return [
    {
      "@context": "https://schema.org",
      "@type": "WebSite",
      "@id": absoluteUrl("/#website"),
      name: publication.name,
      url: absoluteUrl("/"),
      inLanguage: publication.locale,
      publisher: { "@id": absoluteUrl("/#publisher") },
      potentialAction: searchActionLd(),
    },
    { "@context": "https://schema.org", ...publisherLd(publication) },
  ];
}

/** Breadcrumbs from the home page down to `trail`'s last item (names and site paths). */
export function breadcrumbLd(
  trail: Array<{ name: string; path: string }>,
): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path),
    })),
  };
}

/** The trail of a section front or article: its top-level section, then its subsection. */
export function sectionTrail(
  top: SectionRef,
  section: SectionRef,
): Array<{ name: string; path: string }> {
  return top.id === section.id ? [top] : [top, section];
}

/**
 * An author: a Person for staff reporters, an Organization for agencies and Wikinews contributors
 * (with Wikinews' address). Herald has no author pages yet, so a Person carries no url.
 */
function authorLd(author: Author): Person | Organization {
  if (author.kind === "staff") return { "@type": "Person", name: author.name };
  const url =
    author.kind === "collective" && author.name.startsWith("Wikinews")
      ? "https://en.wikinews.org"
      : undefined;
  return { "@type": "Organization", name: author.name, ...(url ? { url } : {}) };
}

/** The NewsArticle of an article page: every field Google's Article guidelines use. */
export function newsArticleLd(
  article: Article,
  publication: Publication,
): WithContext<NewsArticle> {
  const image = article.image
    ? {
        "@type": "ImageObject" as const,
        url: absoluteUrl(article.image.src),
        width: `${article.image.width}`,
        height: `${article.image.height}`,
        caption: article.image.caption,
      }
    : {
        "@type": "ImageObject" as const,
        url: absoluteUrl(ogImagePath(article.id)),
        width: "1200",
        height: "630",
      };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: metaDescription(article.standfirst || article.summary),
    image: [image],
    datePublished: toKstIso(article.publishedAt),
    dateModified: toKstIso(article.updatedAt),
    author: article.authors.map(authorLd),
    publisher: publisherLd(publication),
    mainEntityOfPage: { "@type": "WebPage", "@id": absoluteUrl(article.path) },
    url: absoluteUrl(article.path),
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name),
    isAccessibleForFree: true,
    inLanguage: publication.locale,
    ...(article.licence?.startsWith("CC BY")
      ? { license: "https://creativecommons.org/licenses/by/2.5/" }
      : {}),
    ...(article.sourceUrl ? { isBasedOn: article.sourceUrl } : {}),
  };
}
