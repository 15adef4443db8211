/**
 * Text that is not valid Unicode, found before it is stored (docs/content.md, "Text the importer
 * repairs or refuses"):
 * - a lone surrogate (half of a UTF-16 pair, "\ud800" in JSON): it has no UTF-8 form, so SQLite
 *   would hold invalid bytes and the page that prints it fails to hydrate (React error #418);
 * - a noncharacter (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two code points of every plane):
 *   reserved for a program's internal use, never meant to be published, and U+FFFE/U+FFFF are not
 *   allowed in XML, so feeds and sitemaps would break.
 * And the replacement character U+FFFD, the mark of text already damaged: bytes of the file that
 * were not UTF-8 are decoded to it (lib/import/read-lines.ts), as is an HTML reference to a
 * surrogate ("&#xD800;"); a story never means to print it.
 * In "u" mode a class of surrogates matches only unpaired ones: a pair is one code point.
 */
const INVALID = /[\uD800-\uDFFF\p{Noncharacter_Code_Point}\uFFFD]/u;

/**
 * The UTF-16 code units every match of INVALID starts with (astral code points are surrogate
 * pairs). Without the "u" flag this test costs about 1 ns a character, several times less than
 * INVALID's; it runs on the importer's writing thread, its limit (decision 014).
 */
const SUSPECT = /[\uD800-\uDFFF\uFDD0-\uFFFF]/;

/** What each kind of invalid code point is called in a report line. */
function kindOf(code: number): string {
  if (code >= 0xd800 && code <= 0xdfff) return "lone surrogate";
  if (code === 0xfffd) return "replacement character (text that was not valid UTF-8)";
  return "noncharacter";
}

/** Characters of context printed before the first invalid one. */
const CONTEXT = 12;

/**
 * Why `text` is not valid Unicode, or null when it is: the first offending code point, its
 * kind and its 1-based position (in UTF-16 code units, as JavaScript counts), with the text just
 * before it: `not valid Unicode: lone surrogate U+D800 at character 7, after "Seoul "`.
 */
export function describeInvalidUnicode(text: string): string | null {
  const match = SUSPECT.test(text) ? INVALID.exec(text) : null;
  if (!match) return null;
  const code = match[0].codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  let start = Math.max(0, match.index - CONTEXT);
  // Never start between the halves of a pair: the report line must be valid text itself.
  if (/[\uDC00-\uDFFF]/.test(text.charAt(start))) start += 1;
  const before = text.slice(start, match.index);
  const context = before ? `, after "${before}"` : "";
  return `not valid Unicode: ${kindOf(code)} U+${hex} at character ${match.index + 1}${context}`;
}

/**
 * The first string inside `value` (a string, or arrays and plain objects of them, at any depth)
 * that is not valid Unicode, as "path: reason" ("body.2: not valid Unicode: noncharacter U+FFFF
 * at character 1"), or null when every string is valid. The importer's last check before it
 * writes (lib/news/sql/import/write-batch.ts).
 */
export function findInvalidUnicode(value: unknown): string | null {
  const path: string[] = [];
  const reason = firstInvalid(value, path);
  return reason && `${path.join(".") || "text"}: ${reason}`;
}

/** describeInvalidUnicode of the first invalid string in `value`; its keys go onto `path`. */
function firstInvalid(value: unknown, path: string[]): string | null {
  if (typeof value === "string") return describeInvalidUnicode(value);
  if (value === null || typeof value !== "object") return null;
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const reason = firstInvalid(fields[key], path);
    if (reason) {
      path.unshift(key);
      return reason;
    }
  }
  return null;
}
