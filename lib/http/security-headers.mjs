// @ts-check
/**
 * Security headers sent with every response: by Next.js for what it answers (next.config.js
 * `headers()`), and by server.mjs for the requests it refuses before Next.js sees them.
 * Sources: OWASP Secure Headers Project; `frame-ancestors` per CSP Level 2 (with
 * X-Frame-Options for older browsers).
 */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Content-Security-Policy",
    value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
];

/**
 * The Content-Security-Policy of uploaded photos (GET /media/…, decisions/039): nothing may load
 * or run, and the response is sandboxed, should a browser ever be made to open one as a page.
 * next.config.js sends it for /media/** after the one above, so it replaces it there.
 */
export const MEDIA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
