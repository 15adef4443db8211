/** Types of entry-codec.mjs (plain JavaScript, loaded by Next.js at run time). */
export function encodeEntry(value: unknown): string;
export function decodeEntry(text: string): unknown;
