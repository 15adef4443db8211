import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { renderHeraldConf, renderStandaloneConf } from "./render";

const NGINX = "/usr/sbin/nginx";
const hasNginx = fs.existsSync(NGINX);
const options = { root: "/srv/herald", upstreams: ["127.0.0.1:3000", "127.0.0.1:3001"] };

let prefix: string | null = null;
afterEach(() => {
  if (prefix) fs.rmSync(prefix, { recursive: true, force: true });
  prefix = null;
});

/** `nginx -t` on a whole configuration rendered under a temporary prefix. */
function nginxTest(brotli: boolean): { status: number | null; output: string } {
  prefix = fs.mkdtempSync(path.join(os.tmpdir(), "herald-nginx-t-"));
  fs.mkdirSync(path.join(prefix, "temp"));
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(conf, renderStandaloneConf(prefix, { ...options, brotli }));
  const result = spawnSync(
    NGINX,
    ["-t", "-p", prefix, "-c", conf, "-g", `pid ${path.join(prefix, "nginx.pid")};`],
    { encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("renderHeraldConf", () => {
  it("fills every token of deploy/nginx/herald.conf", () => {
    const conf = renderHeraldConf({ ...options, brotli: false });
    expect(conf).not.toMatch(/__[A-Z_]+__/);
    expect(conf).toContain("    server 127.0.0.1:3001 max_fails=1 fail_timeout=10s;");
    expect(conf).toContain("alias /srv/herald/.next/static/;");
    expect(conf).toContain("root /srv/herald/public;");
    expect(conf).toContain("proxy_cache_path /var/lib/nginx/herald ");
    expect(conf).toContain('add_header X-Frame-Options "DENY" always;');
    expect(conf).not.toMatch(/^\s*brotli on;/m);
    expect(renderHeraldConf({ ...options, brotli: true })).toMatch(/^\s*brotli on;/m);
    // Internal addresses are shown only when asked for (the end-to-end tests).
    expect(conf).not.toContain("add_header X-Herald-Upstream");
    expect(renderHeraldConf({ ...options, upstreamHeader: true })).toContain(
      "add_header X-Herald-Upstream $upstream_addr always;",
    );
  });

  it.each([
    [{ ...options, root: "relative/path" }, "root"],
    [{ ...options, upstreams: [] }, "upstreams"],
    [{ ...options, upstreams: ["127.0.0.1"] }, "upstreams"],
    [{ ...options, serverNames: ["a.example; evil"] }, "serverNames"],
    [{ ...options, listen: ["80 }"] }, "listen"],
  ])("refuses a bad option: %j", (bad, field) => {
    const error = (() => {
      try {
        renderHeraldConf(bad);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]!.path[0]).toBe(field);
  });
});

describe.skipIf(!hasNginx)("nginx -t", () => {
  it.each([false, true])("accepts the rendered configuration (brotli: %s)", (brotli) => {
    if (brotli && !fs.existsSync("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")) return; // Debian's libnginx-mod-http-brotli-filter is not installed: gzip only.
    const { status, output } = nginxTest(brotli);
    expect(output).toContain("syntax is ok");
    expect(status, output).toBe(0);
  });
});

const DEBIAN_CONF = "/etc/nginx/nginx.conf";

describe.skipIf(!hasNginx || !fs.existsSync(DEBIAN_CONF))("in Debian's nginx.conf", () => {
  it("is accepted where conf.d/*.conf is included (its modules loaded, as on a real box)", () => {
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), "herald-nginx-debian-"));
    const ours = path.join(prefix, "herald.conf");
    fs.writeFileSync(
      ours,
      renderHeraldConf({ ...options, listen: ["127.0.0.1:8080"], cacheDir: `${prefix}/cache` }),
    );
    const debian = fs.readFileSync(DEBIAN_CONF, "utf8");
    expect(debian).toContain("include /etc/nginx/conf.d/*.conf;");
    const conf = path.join(prefix, "nginx.conf");
    fs.writeFileSync(
      conf,
      debian
        .replace("include /etc/nginx/conf.d/*.conf;", `include ${ours};`)
        .replace("include /etc/nginx/sites-enabled/*;", ""),
    );
    const result = spawnSync(NGINX, ["-t", "-c", conf], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
  });
});

if (!hasNginx)
  describe("nginx -t", () => {
    it.skip(`skipped: ${NGINX} is not installed (.ci/run installs Debian's nginx)`, () => {});
  });
