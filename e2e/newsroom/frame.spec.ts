import { expect, test, type Page } from "@playwright/test";
import { seedArticleRef } from "../support/content";
import { runTool } from "../support/tools";

/**
 * Two frames (issue 17, docs/decisions/042-route-groups.md): the public pages have the site's
 * masthead with the section menu and its footer; the newsroom's pages have none of it, only the
 * newsroom's masthead. Both have a skip link first, exactly one `main` (#main) and one h1.
 */

test.describe.configure({ mode: "serial" });

const WRITER = {
  email: "fran.frame@herald.test",
  password: "frame writer passphrase",
  name: "Fran Frame",
};

/** What a page's frame shows: the public parts, the landmarks, the first focusable element. */
async function frameOf(page: Page) {
  return {
    sectionsNav: await page.getByRole("navigation", { name: "Sections", exact: true }).count(),
    sectionMenu: await page.locator("#section-menu").count(),
    footer: await page.locator("footer").count(),
    mains: await page.locator("main").count(),
    mainId: await page.locator("main").first().getAttribute("id"),
    h1s: await page.locator("h1").count(),
    banners: await page.getByRole("banner").count(),
    firstLink: await page.locator("a[href]").first().textContent(),
  };
}

const NEWSROOM_FRAME = {
  sectionsNav: 0,
  sectionMenu: 0,
  footer: 0,
  mains: 1,
  mainId: "main",
  h1s: 1,
  banners: 1,
  firstLink: "Skip to main content",
};

async function expectNewsroomFrame(page: Page, path: string) {
  expect(await frameOf(page), path).toEqual(NEWSROOM_FRAME);
  await expect(
    page.getByRole("banner").getByRole("link", { name: "Herald newsroom" }),
  ).toBeVisible();
}

test("the public pages keep the site's frame: masthead, section menu, footer, one main", async ({
  page,
}) => {
  for (const path of ["/", "/national", seedArticleRef().path, "/no-such-page-for-the-frame"]) {
    await page.goto(path);
    const frame = await frameOf(page);
    expect(frame.sectionsNav, path).toBe(1);
    expect(frame.sectionMenu, path).toBe(1);
    expect(frame.footer, path).toBe(1);
    expect(frame.mains, path).toBe(1);
    expect(frame.mainId, path).toBe("main");
    expect(frame.firstLink, path).toBe("Skip to main content");
  }
});

test("the sign-in page has the newsroom's frame only, with and without JavaScript", async ({
  page,
  browser,
}) => {
  await page.goto("/newsroom/sign-in");
  await expectNewsroomFrame(page, "/newsroom/sign-in");
  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noJs.goto("/newsroom/sign-in");
  await expectNewsroomFrame(noJs, "/newsroom/sign-in without JavaScript");
  await noJs.context().close();
});

test("a signed-in page and a refused one (403) have the newsroom's frame only", async ({
  page,
}) => {
  const made = runTool(
    "newsroom.ts",
    ["add-user", WRITER.email, "--role", "writer", "--name", WRITER.name],
    {},
    `${WRITER.password}\n`,
  );
  expect(made.status, made.output).toBe(0);
  await page.goto("/newsroom/sign-in");
  await page.getByLabel("Email").fill(WRITER.email);
  await page.getByLabel("Password").fill(WRITER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Story desk" })).toBeVisible();
  await expectNewsroomFrame(page, "/newsroom");
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
  // Loaded afresh, the skip link is the keyboard's first stop.
  await page.goto("/newsroom");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();

  const refused = await page.goto("/newsroom/accounts");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expectNewsroomFrame(page, "/newsroom/accounts (403)");
});
