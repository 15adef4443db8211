import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { securityHeaders } from "../../lib/http/security-headers.mjs";

/**
 * Renders deploy/nginx/herald.conf, the one source of Herald's nginx configuration, for a real
 * machine (`npm run nginx-conf`, a file for /etc/nginx/conf.d/) or as a whole nginx.conf for an
 * nginx of its own (the end-to-end test, e2e/nginx/). docs/deploy.md describes the result.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TEMPLATE_PATH = path.join(ROOT, "deploy", "nginx", "herald.conf");

/** Debian's brotli filter (package libnginx-mod-http-brotli-filter), when installed. */
export const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";

/** Debian's MIME types, which a whole nginx.conf of our own includes. */
const MIME_TYPES = "/etc/nginx/mime.types";

/** A `host:port` of a Herald server (IPv4, a name, or [IPv6]). */
const upstreamSchema = z
  .string()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, "an upstream is HOST:PORT");

/** A value that goes into the file as it is: no quotes, braces, semicolons or line breaks. */
const plain = z.string().regex(/^[^\s"'{};#$\\]+$/, "no spaces, quotes, braces or semicolons");
const absolute = plain.refine((value) => path.isAbsolute(value), "an absolute path");

export const confOptionsSchema = z.object({
  /** The Herald checkout nginx serves files from (its public/ and its build's static/). */
  root: absolute,
  /** The build folder under `root` (HERALD_DIST_DIR), `.next` by default. */
  distDir: plain.default(".next"),
  /** The Herald servers, HOST:PORT each. */
  upstreams: z.array(upstreamSchema).min(1),
  /** What nginx listens on (`listen` arguments without options): "80", "127.0.0.1:8080". */
  listen: z.array(plain).min(1).default(["80"]),
  /** The site's host names; "_" answers any. */
  serverNames: z.array(plain).min(1).default(["_"]),
  /** The cache's folder: under Debian's /var/lib/nginx, which nginx creates it in (one level only). */
  cacheDir: absolute.default("/var/lib/nginx/herald"),
  /** Whether to compress with brotli too: by default, when Debian's module is installed. */
  brotli: z.boolean().default(() => fs.existsSync(BROTLI_MODULE)),
  /** Whether to name the Herald server that answered (X-Herald-Upstream): for tests, as it shows internal addresses. */
  upstreamHeader: z.boolean().default(false),
});

export type ConfOptions = z.input<typeof confOptionsSchema>;

const indent = (lines: string[], depth: number) =>
  lines.map((line) => `${" ".repeat(depth * 4)}${line}`).join("\n");

const BROTLI_LINES = [
  "brotli on;",
  "brotli_comp_level 5;",
  "brotli_min_length 256;",
  "brotli_types text/plain text/css text/xml text/javascript application/javascript",
  "    application/json application/xml application/rss+xml application/atom+xml",
  "    application/manifest+json image/svg+xml text/x-component;",
];

/**
 * The http-level configuration for /etc/nginx/conf.d/herald.conf: deploy/nginx/herald.conf with
 * its tokens filled from `options`. Throws a ZodError naming the option that is not valid.
 */
export function renderHeraldConf(options: ConfOptions): string {
  const o = confOptionsSchema.parse(options);
  const staticDir = path.join(o.root, o.distDir, "static") + "/";
  const headerLines = securityHeaders.map(
    ({ key, value }) => `add_header ${key} "${value.replaceAll('"', '\\"')}" always;`,
  );
  const values: Record<string, string> = {
    __UPSTREAMS__: indent(
      o.upstreams.map((upstream) => `server ${upstream} max_fails=1 fail_timeout=10s;`),
      1,
    ),
    __CACHE_DIR__: o.cacheDir,
    __LISTEN__: indent(
      o.listen.map((listen) => `listen ${listen};`),
      1,
    ),
    __SERVER_NAME__: o.serverNames.join(" "),
    __STATIC__: staticDir,
    __PUBLIC__: path.join(o.root, "public"),
    __BROTLI__: o.brotli
      ? indent(BROTLI_LINES, 1)
      : "    # brotli: apt-get install libnginx-mod-http-brotli-filter, then render again",
    __SECURITY_HEADERS__: indent(headerLines, 2),
    __UPSTREAM_HEADER__: o.upstreamHeader
      ? "    add_header X-Herald-Upstream $upstream_addr always;"
      : "    # (with --upstream-header: X-Herald-Upstream, the server that answered)",
  };
  const template = fs.readFileSync(TEMPLATE_PATH, "utf8");
  // The header comment names every token; it is for readers of the template only.
  const body = template.slice(template.indexOf("upstream herald {"));
  const rendered = body.replace(/__[A-Z_]+__/g, (token) => {
    const value = values[token];
    if (value === undefined) throw new Error(`${TEMPLATE_PATH}: unknown token ${token}`);
    return value;
  });
  return `# Rendered from deploy/nginx/herald.conf by scripts/nginx-conf.ts; docs/deploy.md.\n\n${rendered}`;
}

/**
 * A whole nginx.conf for an nginx of its own under `prefix` (its pid, logs, temporary files and
 * cache all there), in the foreground: how the end-to-end test runs one beside the suite's
 * server. Loads the brotli module itself when `brotli` is on. `extraServers` are whole `server`
 * blocks added beside Herald's (the benchmark's static-file reference), so the shipped template
 * stays as it is. Throws as renderHeraldConf does.
 */
export function renderStandaloneConf(
  prefix: string,
  options: ConfOptions,
  extraServers: readonly string[] = [],
): string {
  const conf = renderHeraldConf({ cacheDir: path.join(prefix, "cache"), ...options });
  const brotli = confOptionsSchema.parse(options).brotli;
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
    (kind) => `${kind}_temp_path ${path.join(prefix, "temp", kind)};`,
  );
  return [
    brotli ? `load_module ${BROTLI_MODULE};` : "",
    // As root, nginx would hand its workers to "nobody", who cannot write the cache under prefix.
    process.getuid?.() === 0 ? "user root;" : "",
    "worker_processes 1;",
    `error_log ${path.join(prefix, "error.log")} warn;`,
    "events { worker_connections 256; }",
    "http {",
    `    include ${MIME_TYPES};`,
    "    default_type application/octet-stream;",
    `    access_log ${path.join(prefix, "access.log")};`,
    indent(temp, 1),
    conf,
    ...extraServers.map((server) => indent(server.split("\n"), 1)),
    "}",
    "",
  ].join("\n");
}
