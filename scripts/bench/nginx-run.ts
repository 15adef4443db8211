import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { renderHeraldConf, renderStandaloneConf } from "../nginx/render";
import { loadInRounds, probe, requestHeaders, type LoadResult } from "./http-load";

/** Debian's nginx; the nginx section runs by default when it is installed. */
export const NGINX = "/usr/sbin/nginx";

/** What `npm run bench` measured through nginx (deploy/nginx/herald.conf) in front of Herald. */
export type NginxFigures = {
  /** The static file nginx served as the reference: the article page's HTML, as a file. */
  staticBytes: number;
  /** The static file first, then the pages; ratioToStatic set on each. */
  http: LoadResult[];
  /** Each page's X-Cache-Status just before its load (HIT: served from nginx's cache). */
  cacheStatus: Record<string, string>;
};

/**
 * The compression directives (gzip_*, brotli_*) of a rendered Herald configuration, in order:
 * what the reference file's server copies, so nginx compresses the file exactly as the pages.
 */
export function compressionDirectives(conf: string): string[] {
  return [...conf.matchAll(/^\s*((?:gzip|brotli)\w*\s[^;]*;)/gm)].map((m) =>
    m[1]!.replace(/\s+/g, " "),
  );
}

/**
 * An nginx `server` block on `listen` (HOST:PORT) serving the files under `root`, compressed by
 * `compression` (compressionDirectives of the site's configuration).
 */
export function staticServerBlock(listen: string, root: string, compression: string[]): string {
  return [
    "server {",
    `    listen ${listen};`,
    "    access_log off;",
    ...compression.map((line) => `    ${line}`),
    `    location / { root ${root}; }`,
    "}",
  ].join("\n");
}

type Page = { name: string; path: string };

/**
 * Runs an nginx of the benchmark's own (the standalone configuration of scripts/nginx/render.ts,
 * its files under `prefix`) on 127.0.0.1:`port` in front of the Herald server on `upstreamPort`
 * (started with HERALD_COMPRESS=0, as docs/deploy.md says), and a second server block on
 * `port + 1` serving a file of the article page's bytes with the same compression. Warms each
 * page into nginx's cache, then loads the file and each page with autocannon in rounds, with a
 * browser's Accept-Encoding. Stops nginx and deletes `prefix` before it returns or throws.
 */
export async function measureThroughNginx(options: {
  root: string;
  distDir: string;
  prefix: string;
  port: number;
  upstreamPort: number;
  article: string;
  pages: Page[];
  seconds: number;
  connections: number;
  rounds: number;
  log: (line: string) => void;
}): Promise<NginxFigures> {
  const { prefix, log } = options;
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(path.join(prefix, "temp"), { recursive: true });
  const files = path.join(prefix, "files");
  fs.mkdirSync(files);
  const upstream = `127.0.0.1:${options.upstreamPort}`;
  const page = await probe(`http://${upstream}${options.article}`, requestHeaders("identity"));
  if (page.status !== 200) throw new Error(`${options.article} answered ${page.status}`);
  fs.writeFileSync(path.join(files, "article.html"), page.body);

  const confOptions = {
    root: options.root,
    distDir: options.distDir,
    upstreams: [upstream],
    listen: [`127.0.0.1:${options.port}`],
  };
  const staticListen = `127.0.0.1:${options.port + 1}`;
  const compression = compressionDirectives(renderHeraldConf(confOptions));
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(
    conf,
    renderStandaloneConf(prefix, confOptions, [
      staticServerBlock(staticListen, files, compression),
    ]),
  );
  const pid = path.join(prefix, "nginx.pid");
  const test = spawnSync(NGINX, ["-t", "-p", prefix, "-c", conf, "-g", `pid ${pid};`], {
    encoding: "utf8",
  });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const child = spawn(NGINX, ["-p", prefix, "-c", conf, "-g", `daemon off; pid ${pid};`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const url = `http://127.0.0.1:${options.port}`;
    const staticUrl = `http://${staticListen}`;
    const deadline = Date.now() + 10_000;
    while (!(await probe(`${staticUrl}/article.html`, {}).catch(() => null))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`nginx did not start on ${staticUrl}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cacheStatus: Record<string, string> = {};
    const browser = requestHeaders("browser");
    for (const p of options.pages) {
      // The first request fills the cache (MISS); the next ones are what readers get.
      for (let i = 0; i < 3; i += 1) await probe(`${url}${p.path}`, browser);
      const response = await fetch(`${url}${p.path}`, { headers: browser });
      await response.arrayBuffer();
      cacheStatus[p.name] = response.headers.get("x-cache-status") ?? "none";
    }
    log(`through nginx: caches ${JSON.stringify(cacheStatus)}`);
    const http = await loadInRounds(
      url,
      [{ name: "static file", path: "/article.html", baseUrl: staticUrl }, ...options.pages],
      { ...options, encoding: "browser" },
    );
    const staticRate = http[0]!.requestsPerSecond;
    for (const h of http) h.ratioToStatic = h.requestsPerSecond / staticRate;
    return { staticBytes: page.body.length, http, cacheStatus };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}
