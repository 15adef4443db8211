/**
 * What the site crawl (e2e/site-crawl.spec.ts) reads from a page's server-rendered HTML and from
 * a sitemap's XML, with regular expressions. That is enough here because React writes every
 * attribute double-quoted with `"`, `&`, `<` and `>` escaped, and the JSON-LD blocks escape `<`,
 * so no tag we look for can hide inside another's attribute or script. Next.js's flight data
 * (self.__next_f) holds the same elements as JSON strings, never as tags, so it never matches.
 */

/** What one HTML page says about itself and where it leads. */
export type HtmlFacts = {
  /** The href of every `<a>`, entities decoded, in document order (relative or absolute). */
  links: string[];
  /** The href of every `<link rel="canonical">`. */
  canonicals: string[];
  /** The content of every `<meta name="robots">`. */
  robots: string[];
  /** The text of the head's `<title>`, entities decoded; null without one. */
  title: string | null;
  /** Every JSON-LD object (arrays and @graph flattened). */
  jsonLd: Array<Record<string, unknown>>;
  /** JSON-LD blocks that did not parse, with the parser's message. */
  jsonLdErrors: string[];
  /** The href of every `<link rel="alternate">` (feeds). */
  alternates: string[];
  /** Stories listed in the page's content (`<article>` cards in `<main>`, the rails left out). */
  storyCount: number;
  /** True when the page says its section has no stories yet (an empty front). */
  emptyFront: boolean;
};

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes HTML/XML character references: named (the five XML ones), decimal and hexadecimal. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The attributes of one start tag's source (`href="/a" rel="next"`), names lower-cased, values decoded. */
function attributes(source: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, quoted, single, bare] of source.matchAll(
    /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
  ))
    found[name!.toLowerCase()] = decodeEntities(quoted ?? single ?? bare ?? "");
  return found;
}

/** The attributes of every start tag named `tag` in `html`. */
function tags(html: string, tag: string): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "gi"))].map((m) => attributes(m[1]!));
}

/** True when a space-separated attribute value (rel="…") holds `word`. */
const hasWord = (value: string | undefined, word: string) =>
  (value ?? "").toLowerCase().split(/\s+/).includes(word);

/** Parses the JSON-LD blocks of `html`: the objects, and an error for each block that fails. */
function readJsonLd(html: string): { objects: Array<Record<string, unknown>>; errors: string[] } {
  const objects: Array<Record<string, unknown>> = [];
  const errors: string[] = [];
  const flatten = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(flatten);
    else if (value && typeof value === "object") {
      const object = value as Record<string, unknown>;
      objects.push(object);
      if (Array.isArray(object["@graph"])) flatten(object["@graph"]);
    }
  };
  for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (attributes(open!).type !== "application/ld+json") continue;
    try {
      flatten(JSON.parse(body!));
    } catch (error) {
      errors.push(`${(error as Error).message} in ${body!.slice(0, 80)}`);
    }
  }
  return { objects, errors };
}

/** Reads the facts the crawl checks from a page's HTML as the server sent it. */
export function htmlFacts(html: string): HtmlFacts {
  const headEnd = html.search(/<\/head>/i);
  const head = headEnd === -1 ? html : html.slice(0, headEnd);
  const main = /<main\b[\s\S]*?<\/main>/i.exec(html)?.[0] ?? "";
  const content = main.split(/<aside\b/i)[0]!;
  const links = tags(html, "link");
  const { objects, errors } = readJsonLd(html);
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
  return {
    links: tags(html, "a").flatMap((a) => (a.href === undefined ? [] : [a.href])),
    canonicals: links.filter((l) => hasWord(l.rel, "canonical")).map((l) => l.href ?? ""),
    robots: tags(html, "meta")
      .filter((m) => m.name?.toLowerCase() === "robots")
      .map((m) => m.content ?? ""),
    title: title === undefined ? null : decodeEntities(title).trim(),
    jsonLd: objects,
    jsonLdErrors: errors,
    alternates: links.filter((l) => hasWord(l.rel, "alternate")).map((l) => l.href ?? ""),
    storyCount: (content.match(/<article\b/gi) ?? []).length,
    // React separates the text around {name} with empty comments: "No stories in <!-- -->X<!-- --> yet."
    emptyFront: /No stories in [^<]*(?:<!-- -->[^<]*)*yet\./.test(content),
  };
}

/** The number of ListItems of the page's BreadcrumbList with the most of them (0 without one). */
export function breadcrumbItems(jsonLd: HtmlFacts["jsonLd"]): number {
  const counts = jsonLd
    .filter((d) => d["@type"] === "BreadcrumbList")
    .map((d) =>
      Array.isArray(d.itemListElement)
        ? d.itemListElement.filter((i) => (i as { "@type"?: string })?.["@type"] === "ListItem")
            .length
        : 0,
    );
  return Math.max(0, ...counts);
}

/**
 * The page URLs a sitemap or sitemap index lists: the text of each `<loc>` (not `<image:loc>`
 * or `<news:…>`), entities decoded.
 */
export function sitemapLocs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((m) => decodeEntities(m[1]!));
}
