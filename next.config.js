// @ts-check
import { fileURLToPath } from "node:url";
import { compressFromEnv } from "./lib/http/compress.mjs";
import { MEDIA_CSP, securityHeaders } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The end-to-end suite builds into its own folder (HERALD_DIST_DIR=.next-e2e) against its own
  // database, so it never mixes its build or data cache with the site you run from `.next`.
  distDir: process.env.HERALD_DIST_DIR || ".next",
  poweredByHeader: false,
  // Several instances behind one balancer run one build and must say so: the same deployment id
  // (build and start) keeps a client's requests for assets and Server Actions valid on any of
  // them, and scopes the shared cache's keys (lib/cache/redis-cache-handler.mjs).
  deploymentId: process.env.HERALD_DEPLOYMENT_ID || undefined,
  // Trailing slashes are folded by proxy.ts into its one canonical redirect (one 308, not two:
  // docs/decisions/032-error-pages.md), so Next.js does not redirect them first.
  skipTrailingSlashRedirect: true,
  // No ETags on pages: Next.js makes one by hashing the whole HTML of every response in
  // JavaScript, cached or not (0.3 ms for an 80 kB article page here, about a fifth of what
  // serving it from the page cache costs), and a matching If-None-Match still loads the page
  // before answering 304, so the tag saves bandwidth only. Pages are cached by the CDN for 30 s
  // (s-maxage, then stale-while-revalidate). Files in public/ keep Last-Modified, so they still
  // answer 304; /_next/static files are immutable.
  generateEtags: false,
  // Behind nginx, which compresses (and caches one uncompressed copy), HERALD_COMPRESS=0
  // (docs/deploy.md); otherwise the server compresses.
  compress: compressFromEnv(process.env),
  // Rendered pages, route responses and data-cache entries live in Herald's own cache, which
  // never serves what `next build` prerendered, so nothing from before a restart (a withdrawn
  // story) can come back (docs/decisions/029-own-page-cache.md): with HERALD_REDIS_URL, in Redis,
  // shared by every instance (docs/decisions/034-shared-redis-cache.md); otherwise in this
  // process's memory, an LRU bounded by HERALD_CACHE_MB (256 by default). Next.js's own memory
  // layer is off; nothing is written to disk.
  cacheHandler: fileURLToPath(new URL("./lib/cache/cache-handler.mjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  // A cached copy is served stale (while it is re-rendered) for at most this long, here and by a
  // CDN: `Cache-Control: s-maxage=30, stale-while-revalidate=270` rather than for a year.
  expireTime: 300,
  // better-sqlite3 is a native addon, and pg (PostgreSQL, loaded only when HERALD_DATABASE_URL is
  // set: decision 033) has optional native parts: keep both out of the server bundle. The Redis
  // client is loaded unbundled by the cache handler; the shared page-view limits (decision 043)
  // load that same copy.
  serverExternalPackages: ["better-sqlite3", "pg", "@redis/client"],
  // The image optimizer (/_next/image) serves only our own photographs under /images/photos and
  // the newsroom's uploads under /media (no search string, no remote host, never SVG) and reads at
  // most 4 MB of a source image, so a huge or hostile file answers 413 instead of filling the
  // server's memory. Anything else is a 400. Our photos are at most 1600 px wide and under 0.5 MB
  // (lib/content/files.test.ts checks they stay under the limit); uploads are re-encoded to at
  // most 2400 px and 4 MB. sharp refuses images over 268 megapixels (decompression bombs).
  images: {
    // Uploads: /media/{id}/{name}, served from the database (decisions/039).
    localPatterns: [
      { pathname: "/images/photos/**", search: "" },
      { pathname: "/media/**", search: "" },
    ],
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
  // forbidden() (403) in the newsroom's guard (lib/newsroom/session.ts).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The newsroom is never stored by any cache (proxy.ts sets it too, for its own answers).
      {
        source: "/newsroom/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
      {
        source: "/newsroom",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
      // Uploaded photos: a CSP that allows nothing (the last match of a key wins).
      { source: "/media/:path*", headers: [{ key: "Content-Security-Policy", value: MEDIA_CSP }] },
    ];
  },
};

export default nextConfig;
