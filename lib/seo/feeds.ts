import { Feed, type Enclosure, type Extension } from "feed";
import type { Publication, SectionRef } from "../domain";
import { stripXmlForbidden } from "../format/xml";
import type { FeedArticle } from "../domain";
import { absoluteUrl, feedPath } from "../urls";

/**
 * RSS 2.0 feeds of the whole site and of each section front, written with the `feed` library.
 *
 * `feed` 6.0.0 (through xml-js) has three habits this module works around, each covered by
 * lib/seo/feeds.test.ts:
 * - It wraps item titles and descriptions in CDATA, so a headline holding `</script>` would reach
 *   the document as raw markup, and a second `]]>` in one text would break it. We write both as
 *   escaped text instead, through item extensions (which replace the library's elements in place).
 * - xml-js turns "&amp;" back into "&" before escaping, so text that really contains "&amp;" would
 *   lose it. Every text we pass has its "&" escaped first ({@link xmlText}): the result is
 *   escaped exactly once, whatever the text holds.
 * - An item `id` or `guid` is written with isPermaLink="false", and `image` guesses the type from
 *   the file name ("image/jpg"). We pass neither: the guid is the item's link (isPermaLink="true",
 *   the canonical URL, which never changes since ids don't), and the photo is an `enclosure` with
 *   its real MIME type and size in bytes.
 */

/** An author's or a tag's list of stories, as its feed names it. */
export type StoryListRef = { kind: "author" | "tag"; name: string; path: string };

/** A story in a feed: its summary, byline names and, when it has a photo, the photo's size in bytes. */
export type FeedItem = FeedArticle & { imageBytes: number | null };

/** What a feed is made of: plain domain data (see lib/seo/feed-data.ts for where it comes from). */
export type RssFeedInput = {
  publication: Pick<Publication, "name" | "locale"> & { copyright: string };
  /** The section front the feed follows, with its top-level parent; null for the whole site. */
  front: { section: SectionRef; parent: SectionRef | null } | null;
  /** Or the author or tag whose stories it follows (its page's path and its name). */
  list?: StoryListRef | null;
  /** Newest first, as many as the feed lists. */
  articles: FeedItem[];
  /** ISO 8601 instant the feed is built at: its lastBuildDate when it has no story. */
  now: string;
};

const DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

const MIME_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
};

/**
 * Text as `feed` must receive it to come out escaped exactly once: characters XML forbids dropped
 * (lib/format/xml.ts), then "&" escaped, since xml-js un-escapes "&amp;" before escaping.
 */
export function xmlText(text: string): string {
  return stripXmlForbidden(text).replace(/&/g, "&amp;");
}

/** The feed's title: "The Korea Herald", "National - The Korea Herald", "Politics - National - The Korea Herald". */
export function feedTitle(input: Pick<RssFeedInput, "publication" | "front" | "list">): string {
  const { front, publication, list } = input;
  if (list) return `${list.kind === "tag" ? `Tag: ${list.name}` : list.name} - ${publication.name}`;
  if (!front) return publication.name;
  const name = front.parent ? `${front.section.name} - ${front.parent.name}` : front.section.name;
  return `${name} - ${publication.name}`;
}

function feedDescription({ front, publication, list }: RssFeedInput): string {
  if (list?.kind === "author") return `The latest stories by ${list.name} in ${publication.name}.`;
  if (list) return `The latest stories tagged ${list.name} in ${publication.name}.`;
  if (!front) return `The latest stories from ${publication.name}.`;
  const where = front.parent ? `${front.section.name} (${front.parent.name})` : front.section.name;
  return `The latest ${where} stories from ${publication.name}.`;
}

function mimeType(file: string): string | undefined {
  return MIME_TYPES[file.slice(file.lastIndexOf(".") + 1).toLowerCase()];
}

function enclosureOf(article: FeedItem): Enclosure | undefined {
  const type = article.image ? mimeType(article.image.src) : undefined;
  if (!article.image || !type || article.imageBytes === null) return undefined;
  return { url: absoluteUrl(article.image.src), type, length: article.imageBytes };
}

/** Element `name` with escaped text, replacing the library's CDATA element of the same name. */
const textElement = (name: string, text: string): Extension => ({
  name,
  objects: { _text: xmlText(text) },
});

function extensionsOf(article: FeedItem): Extension[] {
  const extensions = [textElement("title", article.headline)];
  if (article.summary) extensions.push(textElement("description", article.summary));
  if (article.authors.length > 0) {
    // RSS's own <author> must be an e-mail address; bylines are names, so Dublin Core's creator.
    extensions.push({
      name: "dc:creator",
      objects: {
        _attributes: { "xmlns:dc": DUBLIN_CORE },
        _text: xmlText(article.authors.join(", ")),
      },
    });
  }
  return extensions;
}

const latest = (isoDates: string[]) => new Date(Math.max(...isoDates.map((d) => Date.parse(d))));

/**
 * Writes an RSS 2.0 document (UTF-8) from domain data. The channel: title, absolute link to the
 * front (the home page for the site), description, language, copyright, atom:link rel="self" to
 * the feed's own absolute URL (lib/urls.ts feedPath), lastBuildDate (the newest publication or
 * update, or `now` when empty) and pubDate. Each item: title, link and permanent guid (the
 * canonical article URL), pubDate (RFC 822, GMT), description (the summary), categories (the
 * top-level section, then the subsection), dc:creator (the byline) and, for a story with a photo
 * of known size, an image enclosure. URLs are absolute on the configured origin (HERALD_SITE_URL);
 * apart from reading it, the function is pure. An empty article list is a valid, empty feed.
 */
export function buildRssFeed(input: RssFeedInput): string {
  const { articles, front, publication } = input;
  const dates = articles.flatMap((a) => [a.publishedAt, a.updatedAt]);
  const feed = new Feed({
    title: xmlText(feedTitle(input)),
    description: xmlText(feedDescription(input)),
    link: absoluteUrl(input.list?.path ?? (front ? front.section.path : "/")),
    feed: absoluteUrl(input.list ? feedPath(input.list.path) : feedPath(front?.section.path)),
    language: xmlText(publication.locale),
    copyright: xmlText(publication.copyright),
    updated: dates.length > 0 ? latest(dates) : new Date(input.now),
    generator: "Herald",
  });
  if (articles.length > 0) {
    const pubDate = latest(articles.map((a) => a.publishedAt)).toUTCString();
    feed.addExtension({ name: "pubDate", objects: { _text: pubDate } });
  }
  for (const article of articles) {
    const categories = [...new Set([article.topSection.name, article.section.name])];
    feed.addItem({
      title: article.headline,
      link: absoluteUrl(article.path),
      date: new Date(article.updatedAt),
      published: new Date(article.publishedAt),
      description: article.summary,
      category: categories.map((name) => ({ name: xmlText(name) })),
      enclosure: enclosureOf(article),
      extensions: extensionsOf(article),
    });
  }
  return feed.rss2();
}

/** Content-Type of the feeds. */
export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

/** The HTTP answer for a feed document, or a plain 404 for null (no such feed). */
export function rssResponse(xml: string | null): Response {
  if (xml === null) return new Response("Not found", { status: 404 });
  return new Response(xml, { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}
