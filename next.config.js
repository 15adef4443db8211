// @ts-check

/**
 * Security headers sent with every response. Sources: OWASP Secure Headers Project;
 * `frame-ancestors` per CSP Level 2 (with X-Frame-Options for older browsers).
 */
const securityHeaders = [
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

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The end-to-end suite builds into its own folder (HERALD_DIST_DIR=.next-e2e) against its own
  // database, so it never mixes its build or data cache with the site you run from `.next`.
  distDir: process.env.HERALD_DIST_DIR || ".next",
  poweredByHeader: false,
  // No ETags on pages: Next.js makes one by hashing the whole HTML of every response in
  // JavaScript, cached or not (0.3 ms for an 80 kB article page here, about a fifth of what
  // serving it from the page cache costs), and a matching If-None-Match still loads the page
  // before answering 304, so the tag saves bandwidth only. Pages are cached by the CDN for 30 s
  // (s-maxage, then stale-while-revalidate). Files in public/ keep Last-Modified, so they still
  // answer 304; /_next/static files are immutable.
  generateEtags: false,
  compress: true,
  // Rendered pages and data-cache entries live in memory only, in Next.js's LRU of
  // cacheMaxMemorySize bytes, least recently used out first. Next.js would also write each one to
  // disk (server/route-cache, cache/fetch-cache: about 165 kB per article page) and never remove
  // it, so a crawler walking a million articles would fill the disk. A restart empties the cache;
  // pages are rendered on demand in milliseconds, and the CDN keeps serving its copies meanwhile.
  // 256 MB holds about 1,500 article pages: the home page, every front and the recent stories.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  experimental: { isrFlushToDisk: false },
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  // The image optimizer (/_next/image) serves only our own photographs under /images/photos (no
  // search string, no remote host, never SVG) and reads at most 4 MB of a source image, so a huge
  // or hostile file answers 413 instead of filling the server's memory. Anything else is a 400.
  // Our photos are at most 1600 px wide and under 0.5 MB (lib/content/files.test.ts checks
  // they stay under the limit). sharp refuses images over 268 megapixels (decompression bombs).
  images: {
    localPatterns: [{ pathname: "/images/photos/**", search: "" }],
    remotePatterns: [],
    dangerouslyAllowSVG: false,
    dangerouslyAllowLocalIP: false,
    maximumRedirects: 0,
    maximumResponseBody: 4_000_000,
    formats: ["image/avif", "image/webp"],
    qualities: [75],
    deviceSizes: [390, 640, 828, 1080, 1280, 1600],
    imageSizes: [96, 160, 240, 320],
    minimumCacheTTL: 60 * 60 * 24 * 30,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
