import type {
  BreadcrumbList,
  ProfilePage,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  SearchAction,
  WebSite,
  WithContext,
} from "schema-dts";
import type { Article, Author, AuthorProfile, Publication, SectionRef } from "../domain";
import { toKstIso } from "../format/date";
import { absoluteUrl, authorPath } from "../urls";
import { metaDescription, ogImagePath } from "./page-metadata";

/**
 * Structured data (JSON-LD, schema.org, typed with schema-dts) for Google's news features:
 * NewsArticle with its publisher, BreadcrumbList, WebSite and NewsMediaOrganization. Dates carry
 * the +09:00 offset. Sources: schema.org/NewsArticle; Google Search Central, "Article" and
 * "Breadcrumb" structured data.
 */

/**
 * The publisher's logo for structured data: square, since Google asks for at least 112×112 px
 * (Search Central, "Organization"; the wide masthead, 600×60, is too short).
 */
export const LOGO = { path: "/images/logo-square.png", width: 512, height: 512 };

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

/** The first crumb of every trail: the home page (Google asks for at least two ListItems). */
export const HOME_CRUMB = { name: "Home", path: "/" };

/**
 * The trail of a section front or article: the home page, its top-level section, then its
 * subsection.
 */
export function sectionTrail(
  top: SectionRef,
  section: SectionRef,
): Array<{ name: string; path: string }> {
  return top.id === section.id ? [HOME_CRUMB, top] : [HOME_CRUMB, top, section];
}

/**
 * An author: a Person for staff reporters, an Organization for agencies and collectives, with
 * the url of their author page (/author/{slug}); Wikinews contributors are also `sameAs` Wikinews.
 */
export function authorLd(author: Author): Person | Organization {
  const url = absoluteUrl(authorPath(author.slug));
  if (author.kind === "staff") return { "@type": "Person", name: author.name, url };
  const sameAs =
    author.kind === "collective" && author.name.startsWith("Wikinews")
      ? { sameAs: "https://en.wikinews.org" }
      : {};
  return { "@type": "Organization", name: author.name, url, ...sameAs };
}

/**
 * The ProfilePage of an author's page (Google Search Central, "Profile page"): the page about the
 * author, whose mainEntity is the Person or Organization of {@link authorLd}, with the bio and photo.
 */
export function profilePageLd(author: AuthorProfile): WithContext<ProfilePage> {
  const entity = authorLd(author) as Extract<Person | Organization, object>;
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absoluteUrl(authorPath(author.slug)),
    mainEntity: {
      ...entity,
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.photo ? { image: absoluteUrl(author.photo.src) } : {}),
    } as Person | Organization,
  };
}

/**
 * When an article last changed for readers: its "Updated" time or its latest correction's,
 * whichever is later (ISO 8601 UTC strings sort as text).
 */
export function lastModified(article: Pick<Article, "updatedAt" | "corrections">): string {
  return article.corrections.reduce(
    (latest, c) => (c.publishedAt > latest ? c.publishedAt : latest),
    article.updatedAt,
  );
}

/**
 * The NewsArticle of an article page: every field Google's Article guidelines use;
 * dateModified is the later of the Updated time and the latest correction (issue 17).
 */
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
    dateModified: toKstIso(lastModified(article)),
    // An article with no byline is the publisher's own (never `"author": []`).
    author:
      article.authors.length > 0
        ? article.authors.map(authorLd)
        : [
            {
              "@id": absoluteUrl("/#publisher"),
              "@type": "NewsMediaOrganization",
              name: publication.name,
              url: absoluteUrl("/"),
            },
          ],
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
