import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedArticleRef } from "./support/content";
import { scannedPages } from "./support/reader-pages";

/**
 * Accessibility (WCAG 2.2 AA, issue 5): axe-core finds nothing on the five scanned pages at a
 * phone's and a desktop's size in both colour schemes; the page structure (landmarks, headings,
 * times) and the keyboard paths are checked by hand where axe cannot judge them.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/** axe's violations on the current page, one readable line per failing element. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${node.target.join(" ")}: ${violation.help}`,
    ),
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of VIEWPORTS) {
    test.describe(`axe, ${colorScheme} scheme, ${viewport.width}×${viewport.height}`, () => {
      test.use({ colorScheme, viewport });

      test("no WCAG 2.2 AA violations on home, section, subsection, seed article and 404", async ({
        page,
      }) => {
        // Five full axe scans: about 15 s alone on two cores, twice that beside the suite's
        // other worker, which is the default timeout.
        test.slow();
        const found: Record<string, string[]> = {};
        for (const { name, path } of scannedPages()) {
          await page.goto(path);
          found[name] = await axeViolations(page);
        }
        expect(found).toEqual(Object.fromEntries(scannedPages().map((p) => [p.name, []])));
      });
    });
  }
}

test.describe("page structure", () => {
  test("landmarks, one h1, headings in order, labelled navigation and machine-readable times", async ({
    page,
  }) => {
    for (const { name, path } of scannedPages()) {
      await page.goto(path);
      const structure = await page.evaluate(() => {
        const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
        const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
          .filter((h) => visible(h) || h.classList.contains("sr-only"))
          .map((h) => Number(h.tagName[1]));
        const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1);
        return {
          banner: document.querySelectorAll("body > header").length,
          main: document.querySelectorAll("main#main").length,
          contentinfo: document.querySelectorAll("body > footer").length,
          asides: document.querySelectorAll("main aside[aria-label]").length,
          unlabelledNavs: [...document.querySelectorAll("nav")].filter(
            (nav) => !nav.getAttribute("aria-label") && !nav.getAttribute("aria-labelledby"),
          ).length,
          h1: document.querySelectorAll("h1").length,
          firstHeading: levels[0],
          skips: skips.length,
          badTimes: [...document.querySelectorAll("time")]
            .map((t) => t.getAttribute("datetime") ?? "")
            .filter((dt) => Number.isNaN(Date.parse(dt)) || !/[+-]\d\d:\d\d$|Z$/.test(dt)),
        };
      });
      expect(structure, name).toEqual({
        banner: 1,
        main: 1,
        contentinfo: 1,
        asides: 1,
        unlabelledNavs: 0,
        h1: 1,
        firstHeading: 1,
        skips: 0,
        badTimes: [],
      });
    }
  });
});

test.describe("keyboard", () => {
  test("from the top of an article, Tab reaches the skip link first and it moves focus to main", async ({
    page,
  }) => {
    await page.goto(seedArticleRef().path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await expect(skip).toHaveAttribute("href", "#main");
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the Sections menu opens with Enter and Space, Escape closes it and returns focus", async ({
      page,
    }) => {
      await page.goto("/");
      const summary = page.getByRole("navigation", { name: "Sections" }).locator("summary");
      const details = page.getByRole("navigation", { name: "Sections" }).locator("details");
      const firstSection = page.locator("#section-menu a").first();
      await expect(summary).toHaveAttribute("aria-expanded", "false"); // set once hydrated

      // The skip link, the publication's name, then the menu button.
      for (let i = 0; i < 3; i += 1) await page.keyboard.press("Tab");
      await expect(summary).toBeFocused();

      await page.keyboard.press("Enter");
      await expect(details).toHaveAttribute("open");
      await expect(summary).toHaveAttribute("aria-expanded", "true");
      await page.keyboard.press("Tab");
      await expect(firstSection).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(details).not.toHaveAttribute("open");
      await expect(summary).toHaveAttribute("aria-expanded", "false");
      await expect(summary).toBeFocused();

      await page.keyboard.press("Space");
      await expect(details).toHaveAttribute("open");
      await page.keyboard.press("Space");
      await expect(details).not.toHaveAttribute("open");

      // Tabbing on past the last menu link closes the menu, so it never covers the focused element.
      await page.keyboard.press("Enter");
      const links = await page.locator("#section-menu a:visible").count();
      for (let i = 0; i <= links; i += 1) await page.keyboard.press("Tab");
      await expect(details).not.toHaveAttribute("open");
      // The header's next stop after the menu is the search box.
      await expect(page.getByRole("combobox", { name: "Search stories" })).toBeFocused();
    });

    test("every link and button is at least 24×24 CSS px, or inline in a sentence (WCAG 2.5.8)", async ({
      page,
    }) => {
      for (const { name, path } of scannedPages()) {
        await page.goto(path);
        await page.getByRole("navigation", { name: "Sections" }).locator("summary").click();
        const small = await page.evaluate(() =>
          [...document.querySelectorAll("a[href], button, summary, input, select, textarea")]
            .filter((el) => {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || box.height === 0 || el.closest(".sr-only")) return false;
              if (box.width >= 24 && box.height >= 24) return false;
              // Exception: a link inside a sentence (its paragraph has more text than the link).
              const p = el.closest("p");
              return !(p && p.textContent!.trim().length > el.textContent!.trim().length);
            })
            .map((el) => {
              const box = el.getBoundingClientRect();
              return `${el.textContent!.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`;
            }),
        );
        expect(small, name).toEqual([]);
      }
    });
  });

  test("focus is visible: the first tab stops of an article draw an outline", async ({ page }) => {
    await page.goto(seedArticleRef().path);
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          what: `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`,
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        };
      });
      expect(focus.outline, focus.what).toBe(true);
    }
  });
});

test.describe("motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("with prefers-reduced-motion, in-page jumps do not animate", async ({ page }) => {
    await page.goto("/");
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior),
    ).toBe("auto");
  });
});
