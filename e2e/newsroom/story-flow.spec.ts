import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addStaff, signIn } from "../support/staff";

/**
 * The story desk and editor in a real browser (issue 17, flows 2 and 4-7): a writer writes,
 * autosaves, reloads and submits; an editor publishes; a live story's edits stay private until
 * republished; the history compares and restores; two editors at once lose nothing; a withdrawn
 * story answers 410; the desk, editor and history pass axe at 390 and 1280 px; the editor works
 * by keyboard alone. Each test makes its own staff accounts and stories.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** A signed-in page of a new context (closed with the context by the caller). */
async function staffPage(browser: Browser, role: "writer" | "editor", name?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, addStaff(role, name));
  return { context, page };
}

/** Waits for the autosave's status region to say "Saved". */
async function saved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({
    timeout: 15_000,
  });
}

/** Starts a story from the desk; returns its id. */
async function newStory(page: Page): Promise<number> {
  await page.goto("/newsroom");
  await page.getByRole("button", { name: "New story" }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/** Fills every field publishing needs. */
async function writeStory(page: Page, headline: string) {
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Standfirst").fill("What happened, in one sentence.");
  await page.getByLabel("Section", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add a name" }).click();
  await page.getByLabel("Name 1", { exact: true }).fill("Kim Min-ji");
  await page.getByLabel("Tags").fill("weather, Seoul");
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.type("The first paragraph of the story.");
}

/** The public page's headline as a reader sees it (no session, no preview). */
async function readerHeadline(browser: Browser, path: string): Promise<string | null> {
  const context = await browser.newContext();
  try {
    const response = await context.request.get(path);
    if (response.status() !== 200) return `status ${response.status()}`;
    const html = await response.text();
    return /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? null;
  } finally {
    await context.close();
  }
}

async function publicPath(page: Page, id: number): Promise<string> {
  const response = await page.request.get(`/newsroom/stories/${id}/preview`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return new URL(response.headers()["location"]!, "http://x").pathname;
}

test.describe("the story desk and editor", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a writer writes, autosaves, reloads and submits; an editor publishes, republishes, restores and withdraws", async ({
    browser,
  }) => {
    const writer = await staffPage(browser, "writer", "Kim Min-ji");
    const editor = await staffPage(browser, "editor", "Lee Jun");
    try {
      const page = writer.page;
      const id = await newStory(page);
      const headline = `Flood warning for the Han river ${id}`;
      await writeStory(page, headline);
      await expect(page.getByLabel("Slug")).toHaveValue(`flood-warning-for-the-han-river-${id}`);
      await saved(page);
      await page.reload();
      await expect(page.getByLabel("Headline")).toHaveValue(headline);
      await expect(page.getByRole("textbox", { name: "Body" })).toContainText("first paragraph");
      await page.getByRole("button", { name: "Submit for review" }).click();
      await expect(page.getByText("Submitted for review.")).toBeVisible();
      // The writer's desk lists it in review.
      await page.goto("/newsroom?state=review");
      await expect(page.getByRole("link", { name: headline })).toBeVisible();

      // The editor publishes it.
      const ed = editor.page;
      await ed.goto(`/newsroom/stories/${id}`);
      await ed.getByRole("button", { name: "Publish now" }).click();
      await expect(ed.getByText("Published: readers see it now.")).toBeVisible();
      const path = await publicPath(ed, id);
      await expect.poll(() => readerHeadline(browser, path)).toBe(headline);

      // A live story's edit stays private until republished.
      const changed = `Han river flood warning lifted ${id}`;
      await ed.getByLabel("Headline").fill(changed);
      await saved(ed);
      expect(await readerHeadline(browser, path)).toBe(headline);
      await ed.getByRole("button", { name: "Republish" }).click();
      await expect(ed.getByText("Published: readers see it now.")).toBeVisible();
      await expect.poll(() => readerHeadline(browser, path)).toBe(changed);

      // History: the two headlines compared, and the old one restored.
      await ed.getByRole("link", { name: "History" }).click();
      const diff = ed.getByRole("heading", { name: "Headline", exact: true }).locator("..");
      await expect(diff.locator("del").first()).toContainText("Flood warning");
      await expect(diff.locator("ins").first()).toContainText("lifted");
      const restore = ed.getByRole("button", { name: /^Restore revision \d+$/ });
      const count = await restore.count();
      // The newest revision before the headline change holds the first headline.
      await restore.nth(0).click();
      await expect(ed.getByText(/restored as a new revision/)).toBeVisible();
      expect(count).toBeGreaterThan(0);
      await ed.getByRole("link", { name: "Back to the story" }).click();
      await expect(ed.getByLabel("Headline")).toHaveValue(headline);

      // Withdraw with a reason: readers get 410.
      await ed.getByText("Withdraw this story…").click();
      await ed.getByLabel("Reason (required, kept in the log)").fill("Legal advice");
      await ed.getByRole("checkbox", { name: /Yes, withdraw it/ }).check();
      await ed.getByRole("button", { name: "Withdraw", exact: true }).click();
      await expect(ed.getByText(/Withdrawn: its address answers/)).toBeVisible();
      await expect.poll(() => readerHeadline(browser, path)).toBe("status 410");
    } finally {
      await writer.context.close();
      await editor.context.close();
    }
  });

  test("two editors edit the same story at once: the second save is refused and nothing is lost", async ({
    browser,
  }) => {
    const a = await staffPage(browser, "editor", "Editor A");
    const b = await staffPage(browser, "editor", "Editor B");
    try {
      const id = await newStory(a.page);
      await b.page.goto(`/newsroom/stories/${id}`);
      await a.page.getByLabel("Standfirst").fill("Editor A's standfirst");
      await saved(a.page);
      await b.page.getByLabel("Headline").fill("Editor B's headline");
      const alert = b.page
        .getByRole("alert")
        .filter({ hasText: "saved this story while you were editing" });
      await expect(alert).toBeVisible({ timeout: 15_000 });
      await expect(alert).toContainText("Editor A");
      await expect(alert).toContainText(/kept in the history as revision \d+/);
      await alert.getByRole("button", { name: "Keep editing mine (save over)" }).click();
      await saved(b.page);
      // Both versions are in the history.
      await b.page.goto(`/newsroom/stories/${id}/history`);
      const rows = b.page.getByRole("row");
      await expect(rows.filter({ hasText: "Editor A" }).first()).toBeVisible();
      await expect(rows.filter({ hasText: "Editor B" }).first()).toBeVisible();
      // B's headline saved over; A's standfirst was in the revision B took as base.
      await b.page.goto(`/newsroom/stories/${id}`);
      await expect(b.page.getByLabel("Headline")).toHaveValue("Editor B's headline");
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  test("the editor works by keyboard alone, and the desk, editor and history pass axe at 390 and 1280 px", async ({
    browser,
  }) => {
    const { context, page } = await staffPage(browser, "writer");
    try {
      const id = await newStory(page);
      await page.getByLabel("Headline").focus();
      await page.keyboard.type("Typed by keyboard");
      await page.keyboard.press("Tab"); // Standfirst
      await page.keyboard.type("Only keys were used.");
      await expect(page.getByLabel("Standfirst")).toBeFocused();
      await saved(page);
      // Submitting an unready story: the summary takes focus; its link moves focus to the field.
      await page.getByRole("button", { name: "Submit for review" }).focus();
      await page.keyboard.press("Enter");
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await expect(summary).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Choose a section" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByLabel("Section", { exact: true })).toBeFocused();

      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 800 },
      ]) {
        await page.setViewportSize(viewport);
        for (const path of [
          "/newsroom",
          `/newsroom/stories/${id}`,
          `/newsroom/stories/${id}/history`,
        ]) {
          await page.goto(path);
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          const problems = results.violations.flatMap((v) =>
            v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}: ${v.help}`),
          );
          expect(problems, `${path} at ${viewport.width} px`).toEqual([]);
        }
      }
    } finally {
      await context.close();
    }
  });
});
