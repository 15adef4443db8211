import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { openE2eDatabase } from "./database";
import { addStaff, signIn } from "./staff";

/**
 * Helpers of the newsroom specs that drive stories through the editor (e2e/newsroom/*, the
 * clock's newsroom flow): staff signed in in their own contexts, a story written through the
 * editor, and the story's rows as the database holds them (to show that a refused request
 * changed nothing).
 */

/** A signed-in page of a new context, as a new staff account made on the command line. */
export async function staffPage(
  browser: Browser,
  role: "writer" | "editor",
  name?: string,
): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = addStaff(role, name);
  await signIn(page, email);
  return { context, page, email };
}

/** Waits for the autosave's status region to say "Saved". */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({
    timeout: 15_000,
  });
}

/** Starts a story from the desk; returns its id. */
export async function newStory(page: Page): Promise<number> {
  await page.goto("/newsroom");
  await page.getByRole("button", { name: "New story" }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/** Fills every field publishing needs (section: `section` by its label, else the first one). */
export async function writeStory(
  page: Page,
  fields: { headline: string; standfirst?: string; byline?: string; tags?: string; body?: string },
  section?: string,
): Promise<void> {
  await page.getByLabel("Headline").fill(fields.headline);
  await page.getByLabel("Standfirst").fill(fields.standfirst ?? "What happened, in one sentence.");
  const select = page.getByLabel("Section", { exact: true });
  if (section) await select.selectOption({ label: section });
  else await select.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add a name" }).click();
  await page.getByLabel("Name 1", { exact: true }).fill(fields.byline ?? "Kim Min-ji");
  await page.getByLabel("Tags").fill(fields.tags ?? "weather, Seoul");
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.type(fields.body ?? "The first paragraph of the story.");
}

/** The story's public path, from the editor's Preview route (which redirects there). */
export async function publicPath(page: Page, id: number): Promise<string> {
  const response = await page.request.get(`/newsroom/stories/${id}/preview`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return new URL(response.headers()["location"]!, "http://x").pathname;
}

/**
 * What the database holds about story `id` that any workflow step would change: the article's
 * public columns, the desk row, the revisions, corrections, preview links and audit entries.
 */
export function storySnapshot(id: number): unknown {
  const db = openE2eDatabase({ readonly: true });
  try {
    return {
      article: db
        .prepare(
          "select status, published_at, updated_at, withdrawn_at, headline from articles where id = ?",
        )
        .get(id),
      desk: db
        .prepare(
          "select state, head_revision, published_revision, version, review_note, withdrawn_reason from newsroom_stories where article_id = ?",
        )
        .get(id),
      revisions: db
        .prepare(
          "select number, content_json from article_revisions where article_id = ? order by number",
        )
        .all(id),
      corrections: db
        .prepare("select count(*) as n from article_corrections where article_id = ?")
        .get(id),
      links: db
        .prepare("select id, revoked_at from preview_links where article_id = ? order by id")
        .all(id),
      audit: db.prepare("select count(*) as n from audit_log where article_id = ?").get(id),
    };
  } finally {
    db.close();
  }
}

/** A photo as the picker's upload form takes it: what it shows and says, and its colour. */
export type PickerPhoto = { alt: string; caption: string; credit: string; colour: string };

/**
 * Uploads a new photo in the editor's open photo dialog ("Choose a photo": the lead photo's
 * button or the body toolbar's "Photo"), which then closes and hands the photo to the editor.
 */
export async function uploadInPicker(page: Page, photo: PickerPhoto): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Choose a photo" });
  await expect(dialog).toBeVisible();
  const sharp = (await import("sharp")).default;
  const buffer = await sharp({
    create: { width: 800, height: 500, channels: 3, background: photo.colour },
  })
    .jpeg()
    .toBuffer();
  await dialog
    .getByLabel(/^Photo file/)
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer });
  await dialog.getByLabel("Alt text (required)").fill(photo.alt);
  await dialog.getByLabel("Caption", { exact: true }).fill(photo.caption);
  await dialog.getByLabel("Credit (required)").fill(photo.credit);
  await dialog.getByRole("button", { name: "Upload and use" }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
}

/**
 * Withdraws the story open in `page`'s editor (an editor's), so a spec's published story leaves
 * the public lists, feeds and sitemaps other specs check.
 */
export async function withdrawStory(page: Page, reason = "Test story"): Promise<void> {
  await page.getByText("Withdraw this story…").click();
  await page.getByLabel("Reason (required, kept in the log)").fill(reason);
  await page.getByRole("checkbox", { name: /Yes, withdraw it/ }).check();
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByText(/Withdrawn: its address answers/)).toBeVisible();
}
