import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { openE2eDatabase } from "../support/database";
import { BASE_URL } from "../support/env";
import { runTool } from "../support/tools";
import { totpCode } from "../support/totp";

/**
 * Newsroom accounts (issue 17, flow 1 and "Security tests"): the first admin from the command
 * line, sign-in with two-factor, accounts made in the newsroom, the guard on every page, roles,
 * cross-site posts, the sign-in limit and its end, cookie flags, revoked sessions, and axe.
 */

test.describe.configure({ mode: "serial" });

const ADMIN = { email: "ada.admin@herald.test", password: "admin passphrase for tests" };
const WRITER = { email: "wes.writer@herald.test", password: "writer passphrase for tests" };
const EDITOR = { email: "eve.editor@herald.test", password: "editor passphrase for tests" };
const PAGES = [
  "/newsroom",
  "/newsroom/accounts",
  "/newsroom/account",
  "/newsroom/audit",
  "/newsroom/media",
  "/newsroom/stories/new",
];
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let setupKey = "";

async function signIn(page: Page, who: { email: string; password: string }, next = "") {
  await page.goto(`/newsroom/sign-in${next}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signInAdmin(page: Page) {
  await signIn(page, ADMIN);
  await page.getByLabel("Code").fill(totpCode(setupKey));
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.getByRole("heading", { name: "Story desk" })).toBeVisible();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("the command line makes the first admin, reading the password from stdin", () => {
  const made = runTool(
    "newsroom.ts",
    ["add-user", ADMIN.email, "--role", "admin", "--name", "Ada Admin"],
    {},
    `${ADMIN.password}\n`,
  );
  expect(made.output).toContain(`Made admin ${ADMIN.email}`);
  expect(made.status).toBe(0);
  expect(made.output).not.toContain(ADMIN.password);
  expect(
    runTool("newsroom.ts", ["add-user", ADMIN.email, "--role", "admin"], {}, `${ADMIN.password}\n`)
      .status,
  ).toBe(3);
  expect(
    runTool("newsroom.ts", ["add-user", "x@herald.test", "--role", "writer"], {}, "short\n").status,
  ).toBe(2);
});

test("without a session every newsroom page redirects to sign-in, with no data and no caching", async ({
  request,
}) => {
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    const location = new URL(response.headers()["location"]!, BASE_URL);
    expect(location.pathname, path).toBe("/newsroom/sign-in");
    expect(location.searchParams.get("next") ?? "/newsroom", path).toBe(path);
    expect(response.headers()["cache-control"], path).toContain("no-store");
    expect(await response.text(), path).not.toContain(ADMIN.email);
  }
  // A made-up session cookie gets past the proxy's check, not the page's.
  const forged = await request.get("/newsroom/accounts", {
    maxRedirects: 0,
    headers: { cookie: "herald.session_token=forged.value" },
  });
  expect([303, 307]).toContain(forged.status());
  expect(forged.headers()["location"]).toContain("/newsroom/sign-in");
  const signInPage = await request.get("/newsroom/sign-in");
  expect(signInPage.headers()["cache-control"]).toMatch(/private/);
  expect(signInPage.headers()["cache-control"]).toMatch(/no-store/);
  expect(await signInPage.text()).toMatch(/<meta name="robots" content="noindex/);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /newsroom");
  // Never an open redirect through `next`.
  const away = await request.get("/newsroom/sign-in?next=https://evil.example/", {
    maxRedirects: 0,
  });
  expect(await away.text()).toContain('name="next" value="/newsroom"');
});

test("the admin signs in, must turn on two-factor first, and does (codes computed here)", async ({
  page,
  context,
}) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/newsroom\/account$/);
  await expect(page.getByText("Admins must use two-factor sign-in")).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("herald.session_token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  // Any other page sends an admin without two-factor back here.
  await page.goto("/newsroom/audit");
  await expect(page).toHaveURL(/\/newsroom\/account$/);

  await page.locator("#start-current").fill(ADMIN.password);
  await page.getByRole("button", { name: "Get a setup key" }).click();
  const key = page
    .locator("dt", { hasText: "Setup key" })
    .locator("xpath=following-sibling::dd[1]");
  await expect(key).toHaveText(/^[A-Z2-7]{16,}$/);
  setupKey = (await key.textContent())!.trim();
  await expect(page.getByText(/^otpauth:\/\/totp\//)).toBeVisible();
  await page.getByLabel("Code").fill(totpCode(setupKey));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  // The page shows the new state at once (the form that asked for the code is gone).
  await expect(page.getByText("Two-factor sign-in is on:")).toBeVisible();
  await page.goto("/newsroom/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
});

test("signing in asks the admin for a code; a wrong one is refused", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByLabel("Code").fill("000000" === totpCode(setupKey) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.locator("#sign-in-error")).toContainText("code is not right");
  await page.getByLabel("Code").fill(totpCode(setupKey));
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.getByRole("heading", { name: "Story desk" })).toBeVisible();
});

test("the admin makes a writer and an editor in the newsroom", async ({ page }) => {
  await signInAdmin(page);
  await page.getByRole("link", { name: "Accounts" }).click();
  for (const [who, role, name] of [
    [WRITER, "writer", "Wes Writer"],
    [EDITOR, "editor", "Eve Editor"],
  ] as const) {
    const form = page.getByRole("form", { name: "New account" });
    await form.getByLabel("Email").fill(who.email);
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Role").selectOption(role);
    await form.getByLabel("Initial password").fill(who.password);
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByRole("status")).toContainText(`Made ${role} ${who.email}`);
  }
  await page.reload();
  await expect(page.getByText(`${WRITER.email} (writer, two-factor off)`)).toBeVisible();
  await expect(page.getByText(`${EDITOR.email} (editor, two-factor off)`)).toBeVisible();
});

test("a writer is refused the admin pages (403) and sees no admin links", async ({ page }) => {
  await signIn(page, WRITER);
  await expect(page.getByRole("heading", { name: "Story desk" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  for (const path of ["/newsroom/accounts", "/newsroom/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText(ADMIN.email)).toHaveCount(0);
  }
});

test("a cross-site post to the sign-in action is refused", async ({ request }) => {
  const response = await request.post("/newsroom/sign-in", {
    headers: { origin: "https://evil.example", "next-action": "x" },
    form: { email: ADMIN.email, password: ADMIN.password },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session_token");
});

test("sign-in is limited after five failures, with one message for any account, and recovers after the window", async ({
  page,
}) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: EDITOR.email, password: `wrong password ${i}` });
    await expect(page.locator("#sign-in-error")).toHaveText("The email or password is not right.");
  }
  await signIn(page, { email: "nobody@herald.test", password: "wrong password x" });
  await expect(page.locator("#sign-in-error")).toHaveText("The email or password is not right.");
  // The right password is refused while the limit holds...
  await signIn(page, EDITOR);
  await expect(page.locator("#sign-in-error")).toContainText("Too many failed sign-ins");
  // ...and works once the failures are older than the window (moved back in the database).
  const db = openE2eDatabase({ readonly: false });
  try {
    db.prepare("update sign_in_failures set at = ? where key = ?").run(
      "2000-01-01T00:00:00.000Z",
      `account:${EDITOR.email}`,
    );
  } finally {
    db.close();
  }
  await signIn(page, EDITOR);
  await expect(page.getByRole("heading", { name: "Story desk" })).toBeVisible();
});

test("signing out and revoking end a session at once, for every copy of its cookie", async ({
  browser,
  page,
}) => {
  // Sign out: the same cookie, replayed, is refused.
  await signIn(page, WRITER);
  await expect(page.getByRole("heading", { name: "Story desk" })).toBeVisible();
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/newsroom\/sign-in$/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/newsroom");
  await expect(replayed).toHaveURL(/\/newsroom\/sign-in/);

  // Revoke: the admin ends every session of the writer; the writer's next request is refused.
  const writer = await newPage(browser);
  await signIn(writer, WRITER);
  await expect(writer.getByRole("heading", { name: "Story desk" })).toBeVisible();
  const admin = await newPage(browser);
  await signInAdmin(admin);
  await admin.goto("/newsroom/accounts");
  await admin.getByRole("button", { name: `End sessions of ${WRITER.email}` }).click();
  await expect(admin.getByText(`Every session of ${WRITER.email} has ended.`)).toBeVisible();
  await writer.goto("/newsroom");
  await expect(writer).toHaveURL(/\/newsroom\/sign-in/);

  // The audit log has the failures (with the address), the accounts made and the sign-outs.
  await admin.goto("/newsroom/audit?action=sign-in-failed");
  await expect(admin.getByRole("cell", { name: "127.0.0.1" }).first()).toBeVisible();
  await admin.goto("/newsroom/audit?action=user-created");
  await expect(admin.getByText(WRITER.email).first()).toBeVisible();
  await admin.goto("/newsroom/audit?action=sessions-revoked");
  await expect(admin.getByRole("cell", { name: "sessions-revoked" })).toHaveCount(1);
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`axe finds nothing on sign-in (both steps), accounts, account and audit at ${viewport.width} px`, async ({
    browser,
  }) => {
    test.slow();
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const scan = async (label: string) => {
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const found = results.violations.flatMap((v) =>
        v.nodes.map((n) => `${label}: ${v.id}: ${n.target.join(" ")}`),
      );
      expect(found).toEqual([]);
    };
    await page.goto("/newsroom/sign-in");
    await scan("sign-in");
    // The code step of two-factor, then on in.
    await signIn(page, ADMIN);
    await expect(page.getByLabel("Code")).toBeVisible();
    await scan("sign-in code step");
    await page.getByLabel("Code").fill(totpCode(setupKey));
    await page.getByRole("button", { name: "Verify code" }).click();
    await expect(page.getByRole("heading", { name: "Story desk" })).toBeVisible();
    for (const path of ["/newsroom/accounts", "/newsroom/account", "/newsroom/audit"]) {
      await page.goto(path);
      await scan(path);
    }
    await context.close();
  });
}
