/** Types of security-headers.mjs (plain JavaScript, shared by next.config.js, server.mjs and the nginx configuration). */
export const securityHeaders: ReadonlyArray<{ key: string; value: string }>;
