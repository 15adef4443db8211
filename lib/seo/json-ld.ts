import type { Thing, WithContext } from "schema-dts";

/**
 * Serialises structured data for a `<script type="application/ld+json">`. `<`, `>`, `&` and the
 * line separators U+2028/U+2029 are written as JSON unicode escapes, so no text from the content
 * (a headline containing "</script>") can close the tag or be read as HTML, while JSON parsers
 * still read the exact original text. Everything else is JSON.stringify's own escaping, once.
 */
export function serializeJsonLd(data: WithContext<Thing> | Array<WithContext<Thing>>): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
