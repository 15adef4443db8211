import { expect, test, type Locator, type Page } from "@playwright/test";
import { addStaff, STAFF_PASSWORD } from "../support/staff";

/**
 * Issue 17, flow 7: the newsroom works by keyboard alone. A writer signs in, opens a new story,
 * writes every field publishing needs, waits for the autosave and submits it for review using
 * only Tab, Shift+Tab, typing, the arrow keys and Enter: every step is reachable in the tab order.
 */

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `reachable by Tab within ${max} presses`).toBeFocused();
}

test("a writer signs in, writes a story, saves and submits it by keyboard alone", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = addStaff("writer", "Choi Yu-na");
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto("/newsroom/sign-in");
    await tabTo(page, page.getByLabel("Email"));
    await page.keyboard.type(email);
    await tabTo(page, page.getByLabel("Password"));
    await page.keyboard.type(STAFF_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/newsroom$/);

    await tabTo(page, page.getByRole("button", { name: "New story" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/newsroom\/stories\/\d+$/);

    const headline = `Keyboard-only story ${Date.now().toString(36)}`;
    await tabTo(page, page.getByLabel("Headline"));
    await page.keyboard.type(headline);
    await tabTo(page, page.getByLabel("Standfirst"));
    await page.keyboard.type("Written without a mouse.");
    const section = page.getByLabel("Section", { exact: true });
    await tabTo(page, section);
    await page.keyboard.press("ArrowDown");
    await expect(section).not.toHaveValue("");
    await tabTo(page, page.getByRole("button", { name: "Add a name" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByLabel("Name 1", { exact: true }));
    await page.keyboard.type("Choi Yu-na");
    await tabTo(page, page.getByRole("textbox", { name: "Body" }));
    await page.keyboard.type("Every step of this story was taken with the keyboard.");
    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({
      timeout: 15_000,
    });

    await tabTo(page, page.getByRole("button", { name: "Submit for review" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Submitted for review.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Headline")).toHaveValue(headline);
  } finally {
    await context.close();
  }
});
