import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page, type Route } from "@playwright/test";
import { BASE_URL, E2E_DIST_DIR, PROJECT_ROOT } from "../support/env";
import {
  newStory,
  publicPath,
  saved,
  staffPage,
  storySnapshot,
  writeStory,
} from "../support/newsroom-story";

/**
 * The newsroom's security tests (issue 17, "Security tests that must exist and pass"; the rest
 * are in accounts.spec.ts and media.spec.ts, e2e/newsroom/README.md has the table):
 * (a) every page, route handler and Server Action of app/newsroom, found by walking the folder
 *     and the build's action manifest so a new one cannot be missed, refuses a request without a
 *     session or with a forged cookie, with no data in the answer;
 * (b) a writer replaying each editor-only Server Action (the exact request an editor's browser
 *     sends, captured and stopped before it reached the server) is refused, and nothing changes;
 * (c) a cross-site POST to a Server Action and to the upload route is refused, session or not.
 */

test.describe.configure({ mode: "serial", timeout: 120_000 });

const APP = path.join(PROJECT_ROOT, "app", "newsroom");

/** Every file under app/newsroom, as paths relative to it. */
function newsroomFiles(dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? newsroomFiles(full) : [path.relative(APP, full)];
  });
}

/** The URL path of a page or route file, with `[id]` as `id`. */
function routePath(file: string, id: number): string {
  const folder = path.dirname(file);
  const segments = folder === "." ? [] : folder.split(path.sep);
  return ["/newsroom", ...segments.filter((s) => !/^\(.*\)$/.test(s))]
    .join("/")
    .replace(/\[id\]/g, String(id));
}

/** The HTTP methods a route.ts exports. */
function routeMethods(file: string): string[] {
  const source = fs.readFileSync(path.join(APP, file), "utf8");
  return [
    ...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
  ].map((m) => m[1]!);
}

type ActionEntry = { id: string; filename: string; exportedName: string; page: string };

/** Every Server Action of the newsroom in the build (its manifest), with a page that posts it. */
function newsroomActions(): ActionEntry[] {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.join(PROJECT_ROOT, E2E_DIST_DIR, "server", "server-reference-manifest.json"),
      "utf8",
    ),
  ) as { node: Record<string, { filename: string; exportedName: string; workers: object }> };
  return Object.entries(manifest.node)
    .filter(([, v]) => v.filename.startsWith("app/newsroom/"))
    .map(([id, v]) => ({
      id,
      filename: v.filename,
      exportedName: v.exportedName,
      page:
        Object.keys(v.workers)[0]!
          .replace(/^app/, "")
          .replace(/\/page$/, "") || "/",
    }));
}

/** Whether an answer sends the client to sign-in: a 303/307 there, a 401, or an action's redirect. */
function refusedToSignIn(status: number, headers: Record<string, string>): boolean {
  if (status === 401) return true;
  const to = headers["location"] ?? headers["x-action-redirect"] ?? "";
  return [200, 303, 307].includes(status) && to.includes("/newsroom/sign-in");
}

const FORGED_COOKIES = [
  "herald.session_token=forged.value",
  "herald.session_token=" + "A".repeat(32) + ".c2lnbmF0dXJl",
  "__Secure-herald.session_token=garbage; herald.session_token=%00%ff",
];

let secretHeadline = "";
let writerEmail = "";
let storyId = 0;

test("setup: a writer's draft whose headline must never leak", async ({ browser }) => {
  const writer = await staffPage(browser, "writer");
  try {
    writerEmail = writer.email;
    storyId = await newStory(writer.page);
    secretHeadline = `Secret draft headline ${storyId}`;
    await writer.page.getByLabel("Headline").fill(secretHeadline);
    await saved(writer.page);
  } finally {
    await writer.context.close();
  }
});

test("(a) every newsroom page and route handler refuses a request without a session or with a forged one, with no data", async ({
  playwright,
}) => {
  const files = newsroomFiles();
  const pages = files.filter((f) => /(^|\/)page\.tsx$/.test(f));
  const routes = files.filter((f) => /(^|\/)route\.ts$/.test(f));
  // The walk found the folder: the desk, the editor and the photo route at least.
  expect(pages).toContain("page.tsx");
  expect(pages).toContain(path.join("stories", "[id]", "page.tsx"));
  expect(routes).toContain(path.join("api", "photos", "route.ts"));

  const targets: { method: string; path: string }[] = [
    ...pages.map((f) => ({ method: "GET", path: routePath(f, storyId) })),
    ...routes.flatMap((f) =>
      routeMethods(f).map((method) => ({ method, path: routePath(f, storyId) })),
    ),
  ].filter((t) => t.path !== "/newsroom/sign-in");
  expect(targets.length).toBeGreaterThanOrEqual(pages.length);

  for (const cookie of [null, ...FORGED_COOKIES]) {
    const request = await playwright.request.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { origin: BASE_URL, ...(cookie ? { cookie } : {}) },
    });
    try {
      for (const target of targets) {
        const label = `${target.method} ${target.path} with ${cookie ?? "no cookie"}`;
        const response = await request.fetch(target.path, {
          method: target.method,
          maxRedirects: 0,
          ...(target.method === "POST" ? { multipart: { alt: "x" } } : {}),
        });
        expect(refusedToSignIn(response.status(), response.headers()), label).toBe(true);
        expect(response.headers()["cache-control"], label).toContain("no-store");
        const body = await response.text();
        expect(body, label).not.toContain(secretHeadline);
        expect(body, label).not.toContain(writerEmail);
      }
    } finally {
      await request.dispose();
    }
  }
});

test("(a) every newsroom Server Action refuses a caller without a session or with a forged one", async ({
  playwright,
}) => {
  const actions = newsroomActions();
  // Every file of app/newsroom that says "use server" has its actions in the build.
  const actionFiles = newsroomFiles()
    .filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(path.join(APP, f), "utf8")))
    .map((f) => `app/newsroom/${f.split(path.sep).join("/")}`);
  expect(actionFiles.length).toBeGreaterThan(3);
  for (const file of actionFiles)
    expect(
      actions.map((a) => a.filename),
      file,
    ).toContain(file);

  // Signing in and out work without a session by design.
  const guarded = actions.filter(
    (a) => !["signInAction", "signOutAction"].includes(a.exportedName),
  );
  expect(guarded.map((a) => a.exportedName)).toEqual(
    expect.arrayContaining(["publishAction", "withdrawAction", "sharePreview", "setRoleAction"]),
  );
  const before = storySnapshot(storyId);
  expect(JSON.stringify(before)).toContain(secretHeadline);
  for (const cookie of [null, ...FORGED_COOKIES]) {
    const request = await playwright.request.newContext({ baseURL: BASE_URL });
    try {
      for (const action of guarded) {
        const page = action.page.replace("[id]", String(storyId));
        const label = `${action.exportedName} on ${page} with ${cookie ?? "no cookie"}`;
        const response = await request.post(page, {
          maxRedirects: 0,
          headers: {
            origin: BASE_URL,
            accept: "text/x-component",
            "next-action": action.id,
            "content-type": "text/plain;charset=UTF-8",
            ...(cookie ? { cookie } : {}),
          },
          data: JSON.stringify([storyId, { version: 1, content: { headline: "Pwned" } }]),
        });
        expect(refusedToSignIn(response.status(), response.headers()), label).toBe(true);
        const body = await response.text();
        expect(body, label).not.toContain(secretHeadline);
        expect(body, label).not.toContain(writerEmail);
      }
    } finally {
      await request.dispose();
    }
  }
  expect(storySnapshot(storyId)).toEqual(before);
});

/** A Server Action request as the browser sent it. */
type Captured = { name: string; url: string; headers: Record<string, string>; body: Buffer };

/**
 * Runs `submit` on `page` and captures the first form post of a Server Action it makes (a
 * multipart body; the editor's own JSON autosaves go through), stopping it before the server.
 */
async function capture(page: Page, name: string, submit: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  const handler = async (route: Route) => {
    const request = route.request();
    const headers = request.headers();
    if (
      !captured &&
      request.method() === "POST" &&
      headers["next-action"] &&
      (headers["content-type"] ?? "").startsWith("multipart/form-data")
    ) {
      captured = { name, url: request.url(), headers, body: request.postDataBuffer()! };
      await route.abort();
    } else await route.fallback();
  };
  await page.route("**/newsroom/**", handler);
  try {
    await submit();
    await expect.poll(() => captured !== null, { message: name }).toBe(true);
  } finally {
    await page.unroute("**/newsroom/**", handler);
  }
  return captured!;
}

/** Sends a captured action again with another caller's cookies (and `origin`). */
async function replay(request: APIRequestContext, action: Captured, origin = BASE_URL) {
  const keep = ["next-action", "content-type", "accept", "next-router-state-tree"];
  const headers = Object.fromEntries(
    Object.entries(action.headers).filter(([k]) => keep.includes(k.toLowerCase())),
  );
  return request.post(action.url, {
    headers: { ...headers, origin, referer: action.url },
    data: action.body,
    maxRedirects: 0,
  });
}

test("(b, c) a writer replaying an editor's Server Actions is refused (403), and a cross-site post is refused: nothing changes", async ({
  browser,
}) => {
  const writer = await staffPage(browser, "writer");
  const editor = await staffPage(browser, "editor");
  try {
    const id = await newStory(writer.page);
    await writeStory(writer.page, { headline: `Replayed actions story ${id}` });
    await saved(writer.page);
    await writer.page.getByRole("button", { name: "Submit for review" }).click();
    await expect(writer.page.getByText("Submitted for review.")).toBeVisible();
    const path = await publicPath(writer.page, id);

    const ed = editor.page;
    await ed.goto(`/newsroom/stories/${id}`);
    const inReview: Captured[] = [];
    inReview.push(
      await capture(ed, "publish now", () =>
        ed.getByRole("button", { name: "Publish now" }).click(),
      ),
    );
    await ed.goto(`/newsroom/stories/${id}`);
    inReview.push(
      await capture(ed, "schedule", async () => {
        await ed.getByLabel("Publish at (KST)").fill("2031-05-01T09:00");
        await ed.getByRole("button", { name: "Schedule" }).click();
      }),
    );
    await ed.goto(`/newsroom/stories/${id}`);
    inReview.push(
      await capture(ed, "send back", async () => {
        await ed.getByLabel("Note to the writer").fill("Replayed note");
        await ed.getByRole("button", { name: "Send back" }).click();
      }),
    );
    await ed.goto(`/newsroom/stories/${id}`);
    inReview.push(
      await capture(ed, "share preview", () =>
        ed.getByRole("button", { name: "Share preview" }).click(),
      ),
    );
    // A real link, so that its Revoke can be captured.
    await ed.goto(`/newsroom/stories/${id}`);
    await ed.getByRole("button", { name: "Share preview" }).click();
    await expect(ed.getByRole("button", { name: /^Revoke the link made/ })).toBeVisible();
    inReview.push(
      await capture(ed, "revoke", () =>
        ed
          .getByRole("button", { name: /^Revoke the link made/ })
          .first()
          .click(),
      ),
    );

    const before = storySnapshot(id);
    for (const action of inReview) {
      const response = await replay(writer.context.request, action);
      expect(response.status(), `writer: ${action.name}`).toBe(403);
      // (c) The editor's own request from another site: refused before the action runs.
      const crossSite = await replay(editor.context.request, action, "https://evil.example");
      expect(crossSite.status(), `cross-site: ${action.name}`).toBe(403);
    }
    expect(storySnapshot(id)).toEqual(before);
    expect((await writer.context.request.get(path, { headers: { cookie: "" } })).status()).toBe(
      404,
    );
    // The replay itself works: the same captured "share preview", sent with the editor's own
    // cookies from the site, makes a link (so the 403s above were the role check's).
    const share = inReview.find((a) => a.name === "share preview")!;
    expect((await replay(editor.context.request, share)).status()).toBeLessThan(400);
    expect((storySnapshot(id) as { links: unknown[] }).links).toHaveLength(2);

    // Published, then the published story's steps: republish and withdraw.
    await ed.goto(`/newsroom/stories/${id}`);
    await ed.getByRole("button", { name: "Publish now" }).click();
    await expect(ed.getByText("Published: readers see it now.")).toBeVisible();
    const live: Captured[] = [
      await capture(ed, "republish", async () => {
        await ed.getByLabel("Correction note (optional)").fill("Replayed correction");
        await ed.getByRole("button", { name: "Republish" }).click();
      }),
    ];
    await ed.goto(`/newsroom/stories/${id}`);
    live.push(
      await capture(ed, "withdraw", async () => {
        await ed.getByText("Withdraw this story…").click();
        await ed.getByLabel("Reason (required, kept in the log)").fill("Replayed reason");
        await ed.getByRole("checkbox", { name: /Yes, withdraw it/ }).check();
        await ed.getByRole("button", { name: "Withdraw", exact: true }).click();
      }),
    );
    const published = storySnapshot(id);
    for (const action of live) {
      expect((await replay(writer.context.request, action)).status(), action.name).toBe(403);
      const crossSite = await replay(editor.context.request, action, "https://evil.example");
      expect(crossSite.status(), `cross-site: ${action.name}`).toBe(403);
    }
    expect(storySnapshot(id)).toEqual(published);
    const reader = await browser.newContext();
    expect((await reader.request.get(path)).status()).toBe(200);
    await reader.close();

    // (c) The upload route: another site's Origin is refused even with a session.
    const upload = await editor.context.request.post("/newsroom/api/photos", {
      headers: { origin: "https://evil.example", accept: "application/json" },
      multipart: {
        file: { name: "a.png", mimeType: "image/png", buffer: Buffer.from("not really") },
        alt: "x",
        credit: "x",
      },
    });
    expect(upload.status()).toBe(403);
  } finally {
    await writer.context.close();
    await editor.context.close();
  }
});
