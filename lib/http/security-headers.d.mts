/** Types of security-headers.mjs (plain JavaScript, shared by next.config.js, server.mjs and the nginx configuration). */
export const securityHeaders: ReadonlyArray<{ key: string; value: string }>;
/** The CSP of uploaded photos (GET /media/…, decisions/039). */
export const MEDIA_CSP: string;
