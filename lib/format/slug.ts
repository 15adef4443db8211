/**
 * Makes a URL slug: lower-case ASCII letters, digits and single hyphens, at most `maxLength`
 * characters, cut at a word boundary. Accents are dropped ("Gdańsk" → "gdansk"), "&" and other
 * punctuation separate words ("Life&Style" → "life-style", "Food & Beverage" → "food-beverage").
 * Returns "" for text with no letters or digits (callers choose a fallback).
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .replace(/[łŁ]/g, "l")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[đĐ]/g, "d")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, "");
}
