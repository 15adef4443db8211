/** Types of compress.mjs (plain JavaScript, read by next.config.js). */
export function compressFromEnv(env: Record<string, string | undefined>): boolean;
