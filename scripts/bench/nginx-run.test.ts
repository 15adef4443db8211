import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { renderHeraldConf, renderStandaloneConf } from "../nginx/render";
import { BROWSER_ACCEPT_ENCODING, probe } from "./http-load";
import { NGINX, compressionDirectives, staticFileName, staticServerBlock } from "./nginx-run";
import { nginxBudgets } from "./budgets";
import type { LoadResult } from "./http-load";

const options = { root: "/srv/herald", upstreams: ["127.0.0.1:9"] };
// Derived from E2E_PORT, as every test's own servers are (the bench helper's: 3700).
const PORT = Number(process.env.E2E_PORT ?? 3700) + 41;

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const undo of cleanup.reverse()) undo();
  cleanup = [];
});

describe("compressionDirectives", () => {
  it("copies every gzip and brotli line of the site's configuration, the multi-line types whole", () => {
    const lines = compressionDirectives(renderHeraldConf({ ...options, brotli: true }));
    expect(lines).toContain("gzip on;");
    expect(lines).toContain("gzip_comp_level 5;");
    expect(lines).toContain("brotli on;");
    const types = lines.find((l) => l.startsWith("gzip_types"));
    expect(types).toMatch(/application\/json .*text\/x-component;$/);
    expect(lines.some((l) => l.startsWith("brotli_types"))).toBe(true);
  });

  it("has no brotli line when the module is not used", () => {
    const lines = compressionDirectives(renderHeraldConf({ ...options, brotli: false }));
    expect(lines.some((l) => l.startsWith("brotli"))).toBe(false);
    expect(lines).toContain("gzip on;");
  });
});

describe.skipIf(!fs.existsSync(NGINX))("the static file's server beside Herald's", () => {
  it("serves the file compressed as the pages are, to a browser's Accept-Encoding", async () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "bench-nginx-"));
    cleanup.push(() => fs.rmSync(prefix, { recursive: true, force: true }));
    fs.mkdirSync(path.join(prefix, "temp"));
    const files = path.join(prefix, "files");
    fs.mkdirSync(files);
    const html = `<!doctype html><p>${"news ".repeat(4000)}</p>`;
    fs.writeFileSync(path.join(files, "article.html"), html);
    const site = { ...options, listen: [`127.0.0.1:${PORT}`] };
    const conf = path.join(prefix, "nginx.conf");
    fs.writeFileSync(
      conf,
      renderStandaloneConf(prefix, site, [
        staticServerBlock(
          `127.0.0.1:${PORT + 1}`,
          files,
          compressionDirectives(renderHeraldConf(site)),
        ),
      ]),
    );
    const pid = path.join(prefix, "nginx.pid");
    const t = spawnSync(NGINX, ["-t", "-p", prefix, "-c", conf, "-g", `pid ${pid};`], {
      encoding: "utf8",
    });
    expect(t.status, t.stderr).toBe(0);
    const child = spawn(NGINX, ["-p", prefix, "-c", conf, "-g", `daemon off; pid ${pid};`]);
    cleanup.push(() => child.kill("SIGTERM"));
    const url = `http://127.0.0.1:${PORT + 1}/article.html`;
    let answer = await probe(url, { "accept-encoding": "gzip" }).catch(() => null);
    for (let i = 0; !answer && i < 50; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await probe(url, { "accept-encoding": "gzip" }).catch(() => null);
    }
    expect(answer?.status).toBe(200);
    expect(answer?.contentEncoding).toBe("gzip");
    expect(zlib.gunzipSync(answer!.body).toString()).toBe(html);
    const browser = await probe(url, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
    const brotli = fs.existsSync("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so");
    expect(browser.contentEncoding).toBe(brotli ? "br" : "gzip");
  });
});

const run = (name: string, requestsPerSecond: number, errors = 0): LoadResult => ({
  name,
  path: "/",
  acceptEncoding: BROWSER_ACCEPT_ENCODING,
  response: { contentEncoding: "br", bytes: 15_000, contentType: "text/html" },
  requestsPerSecond,
  runs: [requestsPerSecond],
  p50: 1,
  p99: 2,
  errors,
  non2xx: 0,
  ratioToStatic: null,
});

describe("nginxBudgets", () => {
  const nginx = (http: LoadResult[]) => ({
    nginx: { staticBytes: { article: 80_000, home: 120_000 }, http, cacheStatus: {} },
  });

  it("holds each page to 0.9 of its own file's rate, and fails one below, or with errors", () => {
    const checks = nginxBudgets(
      nginx([
        run(staticFileName("article"), 1000),
        run("article", 900),
        run(staticFileName("section front"), 1000),
        run("section front", 899),
        run(staticFileName("home"), 500),
        run("home", 460),
        run(staticFileName("latest"), 1000),
        run("latest", 1000, 1),
      ]),
    );
    expect(checks.map((c) => c.pass)).toEqual([true, false, true, false]);
    expect(checks[0]!.budget).toMatch(/article, share of a static file of its 80\.0 kB/);
    expect(checks[2]!.measured).toMatch(/^0\.92 \(460\/s against 500\/s/);
    expect(checks[0]!.limit).toBe("≥ 0.9 × static, 0 errors");
  });

  it("fails a page when its file had errors", () => {
    const checks = nginxBudgets(
      nginx([run(staticFileName("article"), 1000, 3), run("article", 2000)]),
    );
    expect(checks.map((c) => c.pass)).toEqual([false]);
  });

  it("checks nothing when nginx was not measured", () => {
    expect(nginxBudgets({ nginx: null })).toEqual([]);
  });
});
