import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { renderHeraldConf, renderStandaloneConf } from "../nginx/render";
import { loadInRounds, probe, requestHeaders, type LoadResult } from "./http-load";

/** Debian's nginx; the nginx section runs by default when it is installed. */
export const NGINX = "/usr/sbin/nginx";

/** What `npm run bench` measured through nginx (deploy/nginx/herald.conf) in front of Herald. */
export type NginxFigures = {
  /** Each page's reference: its own HTML as a static file, by page name, and its size in bytes. */
  staticBytes: Record<string, number>;
  /** Each page's static file (named by staticFileName) and the page; ratioToStatic set on pages. */
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

/** The name of the run that loads page `name`'s bytes as a static file. */
export const staticFileName = (name: string) => `${name}, as a file`;

/** A page's file name under the static server's root. */
const fileOf = (name: string) => `${name.replace(/[^a-z0-9]+/gi, "-")}.html`;

/**
 * Runs an nginx of the benchmark's own (the standalone configuration of scripts/nginx/render.ts,
 * its files under `prefix`) on 127.0.0.1:`port` in front of the Herald server on `upstreamPort`
 * (started with HERALD_COMPRESS=0, as docs/deploy.md says), and a second server block on
 * `port + 1` serving, for each page, a file of that page's own bytes with the same compression
 * (the "a static file of the same size": a larger page costs nginx more to compress and
 * send, so each page is held to its own file). Warms each page into nginx's cache, then loads
 * each file and its page with autocannon in rounds, with a browser's Accept-Encoding. Stops nginx
 * and deletes `prefix` before it returns or throws.
 */
export async function measureThroughNginx(options: {
  root: string;
  distDir: string;
  prefix: string;
  port: number;
  upstreamPort: number;
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
  const staticBytes: Record<string, number> = {};
  for (const p of options.pages) {
    const page = await probe(`http://${upstream}${p.path}`, requestHeaders("identity"));
    if (page.status !== 200) throw new Error(`${p.path} answered ${page.status}`);
    fs.writeFileSync(path.join(files, fileOf(p.name)), page.body);
    staticBytes[p.name] = page.body.length;
  }

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
    const firstFile = `${staticUrl}/${fileOf(options.pages[0]!.name)}`;
    while (!(await probe(firstFile, {}).catch(() => null))) {
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
      options.pages.flatMap((p) => [
        { name: staticFileName(p.name), path: `/${fileOf(p.name)}`, baseUrl: staticUrl },
        p,
      ]),
      { ...options, encoding: "browser" },
    );
    for (let i = 0; i < http.length; i += 2)
      http[i + 1]!.ratioToStatic = http[i + 1]!.requestsPerSecond / http[i]!.requestsPerSecond;
    return { staticBytes, http, cacheStatus };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}
