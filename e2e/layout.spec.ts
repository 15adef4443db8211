import { expect, test } from "@playwright/test";
import { footerLinks, publication, standingPages } from "./support/content";

test.describe("footer", () => {
  test("prints every registration line of publication.json", async ({ page }) => {
    await page.goto("/");
    const footer = page.locator("body > footer");
    const lines = Object.values(publication.footer_lines);
    expect(lines).toHaveLength(8);
    for (const line of lines) {
      await expect(footer.getByText(line, { exact: true }), line).toBeVisible();
    }
  });

  test("PRIVACY STATEMENT, COPYRIGHT POLICY and HERALD OMBUDSMAN lead to pages answering 200", async ({
    page,
  }) => {
    expect(publication.footer_links).toEqual([
      "PRIVACY STATEMENT",
      "COPYRIGHT POLICY",
      "HERALD OMBUDSMAN",
    ]);
    const pageKeys: Record<string, string> = {
      "PRIVACY STATEMENT": "privacy",
      "COPYRIGHT POLICY": "copyright",
      "HERALD OMBUDSMAN": "ombudsman",
    };
    for (const label of publication.footer_links) {
      await page.goto("/");
      const link = page.locator("body > footer").getByRole("link", { name: label, exact: true });
      await expect(link).toHaveAttribute(
        "href",
        footerLinks.find((l) => l.label === label)?.href ?? "(missing from publication-links.json)",
      );
      const responsePromise = page.waitForResponse(
        (r) => new URL(r.url()).pathname === footerLinks.find((l) => l.label === label)?.href,
      );
      await link.click();
      await expect(page.locator("h1")).toHaveText(standingPages[pageKeys[label]!]!.title);
      // A client-side navigation fetches the page's RSC payload; a full load fetches its HTML.
      expect((await responsePromise).status(), label).toBe(200);
      const direct = await page.request.get(new URL(page.url()).pathname);
      expect(direct.status(), label).toBe(200);
    }
  });
});

test.describe("Sections menu on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("opens, leads to a subsection and closes with Escape", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Sections" });
    const details = nav.locator("details");
    const summary = nav.locator("summary");
    const politics = page.locator("#section-menu").getByRole("link", {
      name: "Politics",
      exact: true,
    });

    await expect(summary).toBeVisible();
    await expect(politics).toBeHidden();
    await summary.click();
    await expect(details).toHaveAttribute("open");
    await expect(summary).toHaveAttribute("aria-expanded", "true");
    await expect(politics).toBeVisible();
    await expect(politics).toHaveAttribute("href", "/national/politics");

    await politics.click();
    await expect(page).toHaveURL("/national/politics");
    await expect(page.locator("h1")).toHaveText("Politics");
    // The menu closes after navigating.
    await expect(details).not.toHaveAttribute("open");

    await summary.click();
    await expect(details).toHaveAttribute("open");
    await expect(politics).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(details).not.toHaveAttribute("open");
    await expect(politics).toBeHidden();
    await expect(summary).toHaveAttribute("aria-expanded", "false");
    await expect(summary).toBeFocused();
  });
});
