import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { BASE_URL, E2E_HOST, E2E_PORT } from "../support/env";
import { NGINX, rawGet, startNginx, type TestNginx } from "../support/nginx";

/**
 * When no Herald server answers, nginx serves the last copy it has, however old, with 200
 * (`proxy_cache_use_stale error timeout ... http_5xx` in deploy/nginx/herald.conf), and skips a
 * dead server for a live one.
 */
const PORT = E2E_PORT + 43;
/** Nothing listens here: a Herald server that is down. */
const DEAD = `${E2E_HOST}:${E2E_PORT + 44}`;
const live = new URL(BASE_URL).host;

let nginx: TestNginx;

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.skip(!fs.existsSync(NGINX), `${NGINX} is not installed (.ci/run installs Debian's nginx)`);

test.beforeAll(async () => {
  nginx = await startNginx(PORT, [DEAD, live]);
});
test.afterAll(async () => {
  await nginx?.stop();
});

test("a dead server is skipped for a live one", async () => {
  for (const path of ["/world", "/national", "/business"]) {
    const response = await rawGet(nginx.url, path);
    expect(response.status, path).toBe(200);
    expect(response.headers["x-cache-status"], path).toBe("MISS");
  }
});

test("with every server down, an expired page is served stale with 200", async () => {
  const path = "/sports";
  const fresh = await rawGet(nginx.url, path);
  expect(fresh.status).toBe(200);
  const cachedAt = Date.now();
  await nginx.reload([DEAD]);
  // Past s-maxage (30 s), so nginx must ask a server, and none answers.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, cachedAt + 32_000 - Date.now())));
  const stale = await rawGet(nginx.url, path);
  expect(stale.status).toBe(200);
  expect(stale.headers["x-cache-status"]).toBe("STALE");
  expect(stale.body.equals(fresh.body)).toBe(true);
  // A page nginx never cached has nothing to fall back on.
  expect((await rawGet(nginx.url, "/entertainment")).status).toBe(502);
});
