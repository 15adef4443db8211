import { expect, test, type Browser, type Locator } from "@playwright/test";
import {
  newStory,
  publicPath,
  saved,
  staffPage,
  uploadInPicker,
  withdrawStory,
  writeStory,
} from "../support/newsroom-story";

/**
 * Issue 17, flow 2 with photos: a writer puts a lead photo and a body photo, both uploaded
 * through the editor's photo dialog with alt text, caption and credit, in one story; autosaves;
 * reloads and finds both with everything typed; submits. An editor publishes, and the public
 * page shows both photos with their alt text, captions and credits.
 */

const LEAD = {
  alt: "Sandbags stacked along the Han river bank",
  caption: "Volunteers fill sandbags in Mapo",
  credit: "Herald photo desk",
  colour: "#2a6f97",
};
const BODY = {
  alt: "A flooded underpass in Gangnam",
  caption: "The underpass at noon",
  credit: "Yonhap",
  colour: "#c1502e",
};

/** The figure of the body photo in the editor (the body editor's atom node). */
const bodyFigure = (body: Locator) =>
  body.locator("figure").filter({ has: body.page().locator("img") });

/** What a reader gets at `path`: each figure's image alt and caption text. */
async function readerFigures(browser: Browser, path: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(path);
    if (response?.status() !== 200) return `status ${response?.status()}`;
    return await page.locator("main figure").evaluateAll((figures) =>
      figures.map((f) => ({
        alt: f.querySelector("img")?.getAttribute("alt") ?? null,
        caption: (f.querySelector("figcaption")?.textContent ?? "").replace(/\s+/g, " ").trim(),
      })),
    );
  } finally {
    await context.close();
  }
}

test("flow 2: a writer puts a lead photo and a body photo in a story, reloads, submits; published, readers see both", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const writer = await staffPage(browser, "writer", "Kim Min-ji");
  const editor = await staffPage(browser, "editor", "Lee Jun");
  try {
    const page = writer.page;
    const id = await newStory(page);
    const headline = `Sandbags along the Han ${id}`;
    await writeStory(page, { headline, body: "Volunteers worked through the night." });

    // The lead photo: uploaded in the dialog; its fields take the upload's alt, caption, credit.
    const lead = page.getByRole("group", { name: "Lead photo" });
    await lead.getByRole("button", { name: "Choose a photo" }).click();
    await uploadInPicker(page, LEAD);
    await expect(lead.getByLabel("Alt text")).toHaveValue(LEAD.alt);
    await expect(lead.getByLabel("Caption")).toHaveValue(LEAD.caption);
    await expect(lead.getByLabel("Credit")).toHaveValue(LEAD.credit);

    // The body photo: the toolbar's Photo button, after the paragraph.
    const body = page.getByRole("textbox", { name: "Body" });
    await body.click();
    await page.keyboard.press("Control+End");
    await page
      .getByRole("toolbar", { name: "Body formatting" })
      .getByRole("button", { name: "Photo" })
      .click();
    await uploadInPicker(page, BODY);
    await expect(bodyFigure(body).locator("img")).toHaveAttribute("alt", BODY.alt);
    await expect(bodyFigure(body)).toContainText(`${BODY.caption} (${BODY.credit})`);
    await saved(page);

    // Reload: nothing lost.
    await page.reload();
    await expect(page.getByLabel("Headline")).toHaveValue(headline);
    // The lead photo's thumbnail and the body photo are shown again, not just their ids.
    await expect(lead.locator("img")).toHaveAttribute("src", /^\/media\/\d+\/photo-\d+\.jpg$/);
    await expect(lead.getByLabel("Alt text")).toHaveValue(LEAD.alt);
    await expect(lead.getByLabel("Caption")).toHaveValue(LEAD.caption);
    await expect(lead.getByLabel("Credit")).toHaveValue(LEAD.credit);
    await expect(body).toContainText("Volunteers worked through the night.");
    await expect(bodyFigure(body).locator("img")).toHaveAttribute("alt", BODY.alt);
    await expect(bodyFigure(body).locator("img")).toHaveAttribute("src", /^\/media\/\d+\//);
    await expect(bodyFigure(body)).toContainText(`${BODY.caption} (${BODY.credit})`);

    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Submitted for review.")).toBeVisible();

    const ed = editor.page;
    await ed.goto(`/newsroom/stories/${id}`);
    await ed.getByRole("button", { name: "Publish now" }).click();
    await expect(ed.getByText("Published: readers see it now.")).toBeVisible();
    const path = await publicPath(ed, id);
    await expect
      .poll(() => readerFigures(browser, path), { timeout: 30_000 })
      .toEqual([
        { alt: LEAD.alt, caption: `${LEAD.caption} (${LEAD.credit})` },
        { alt: BODY.alt, caption: `${BODY.caption} (${BODY.credit})` },
      ]);
    // Both photos load for the reader.
    const reader = await browser.newContext();
    try {
      const readerPage = await reader.newPage();
      await readerPage.goto(path);
      for (const alt of [LEAD.alt, BODY.alt]) {
        const img = readerPage.getByRole("img", { name: alt });
        await img.scrollIntoViewIfNeeded();
        await expect
          .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
          .toBeGreaterThan(0);
      }
    } finally {
      await reader.close();
    }
    // Off the public surfaces again, for the specs that check the fixtures' lists.
    await withdrawStory(ed);
  } finally {
    await writer.context.close();
    await editor.context.close();
  }
});
