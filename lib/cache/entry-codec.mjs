// @ts-check
/**
 * Cache entries as text, for the shared Redis cache (redis-cache-handler.mjs). Next.js's entries
 * hold Buffers (a page's RSC payload, a route's body) and Maps (a page's segment data) beside
 * plain JSON; both are written as tagged objects and read back as what they were.
 */

const BUFFER = "__heraldBuffer";
const MAP = "__heraldMap";

/**
 * `value` as JSON text, Buffers (any Uint8Array) as base64 and Maps as their entries.
 * @param {unknown} value
 * @returns {string}
 */
export function encodeEntry(value) {
  return JSON.stringify(value, function (key, replaced) {
    const original = this[key]; // before Buffer's own toJSON ran
    if (original instanceof Uint8Array)
      return {
        [BUFFER]: Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString(
          "base64",
        ),
      };
    if (original instanceof Map) return { [MAP]: [...original.entries()] };
    return replaced;
  });
}

/**
 * The value `text` was made from by encodeEntry. Throws a SyntaxError on text that is not JSON.
 * @param {string} text
 * @returns {any}
 */
export function decodeEntry(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      if (typeof value[BUFFER] === "string") return Buffer.from(value[BUFFER], "base64");
      if (Array.isArray(value[MAP])) return new Map(value[MAP]);
    }
    return value;
  });
}
