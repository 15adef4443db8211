/**
 * Text for XML documents (sitemaps, feeds). XML 1.0 forbids most C0 control characters, lone
 * surrogates and U+FFFE/U+FFFF even when escaped (XML 1.0, section 2.2, "Char"), so they are
 * dropped; the five markup characters are escaped exactly once.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters XML 1.0 does not allow anywhere in a document. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

/** Escapes text for an XML element or attribute value (after dropping forbidden characters). */
export function escapeXml(text: string): string {
  return stripXmlForbidden(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
