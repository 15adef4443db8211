/** Types of raw-url.mjs (plain JavaScript, shared by server.mjs and proxy.ts). */
export const FOLDED_HEADER: string;
export function foldToken(): string;
export function hasDotSegment(target: string): boolean;
export function hasMalformedEscape(target: string): boolean;
export function foldSlashes(target: string): string | null;
