/**
 * Makes a URL slug: lower-case ASCII letters, digits and single hyphens, at most `maxLength`
 * characters, cut at a word boundary. Accents are dropped ("Gdańsk" → "gdansk"), "&" and other
 * punctuation separate words ("Life&Style" → "life-style", "Food & Beverage" → "food-beverage").
 * Returns "" for text with no letters or digits (callers choose a fallback). For article and
 * section slugs (lib/urls.ts SLUG_PATTERN); names of tags and bylines use unicodeSlug.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = spellLatin(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return cut(slug, maxLength);
}

/**
 * Makes a URL slug that keeps every script: letters, digits and combining marks of any language
 * (\p{L}\p{N}\p{M}) in lower case, NFC-normalised, words joined by single hyphens, at most
 * `maxLength` code points, cut at a word boundary ("한국 태그" → "한국-태그", "Москва" →
 * "москва"). Latin letters are folded to ASCII exactly as slugify folds them, so a name slugify
 * could spell keeps that slug ("Brasília" → "brasilia"). Invisible characters (zero-width joiners,
 * variation selectors, Hangul fillers) are dropped. Returns "" for text with no letter or digit
 * (only punctuation, symbols or emoji): callers report it. For tags and bylines
 * (docs/decisions/028-unicode-slugs-for-tags-and-bylines.md); a URL percent-encodes it
 * (lib/urls.ts tagPath, TAG_SLUG_PATTERN).
 */
export function unicodeSlug(text: string, maxLength = 80): string {
  const slug = spellLatin(text)
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/(?<=[a-z])[\u0300-\u036f]+/g, "")
    .normalize("NFC")
    .replace(/['’]/g, "")
    .replace(/(?<![\p{L}\p{N}\p{M}])\p{M}+/gu, "")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return cut(slug, maxLength);
}

/** Latin letters that have no accent to drop, spelt in ASCII. */
function spellLatin(text: string): string {
  return text
    .replace(/[łŁ]/g, "l")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[đĐ]/g, "d");
}

/** `slug` cut to at most `maxLength` code points, at its last hyphen when there is one. */
function cut(slug: string, maxLength: number): string {
  const chars = Array.from(slug);
  if (chars.length <= maxLength) return slug;
  const head = chars.slice(0, maxLength + 1).join("");
  const lastHyphen = head.lastIndexOf("-");
  const kept = lastHyphen > 0 ? head.slice(0, lastHyphen) : chars.slice(0, maxLength).join("");
  return kept.replace(/-+$/, "");
}
