import { render, screen, waitFor } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { MenuDisclosure } from "./MenuDisclosure.island";

const router = vi.hoisted(() => ({ pathname: "/" }));
vi.mock("next/navigation", () => ({ usePathname: () => router.pathname }));

beforeEach(() => {
  router.pathname = "/";
});

/** The header as SiteHeader builds it: the menu (two links for its sections), then more page. */
function Page() {
  return (
    <>
      <MenuDisclosure label="Sections" panelId="section-menu">
        <nav id="section-menu" aria-label="Sections">
          <a href="#national">National</a>
          <a href="#world">World</a>
        </nav>
      </MenuDisclosure>
      <a href="#after">After the menu</a>
      <p>Page text</p>
    </>
  );
}

function renderMenu() {
  const user = userEvent.setup();
  const view = render(<Page />);
  const summary = screen.getByText("Sections", { selector: "summary" });
  const details = summary.closest("details")!;
  return { user, summary, details, ...view };
}

/** Opens the menu as a reader does, by clicking its button, and waits for the toggle. */
async function open(user: UserEvent, summary: HTMLElement) {
  await user.click(summary);
  await waitFor(() => expect(summary).toHaveAttribute("aria-expanded", "true"));
}

describe("MenuDisclosure", () => {
  test("is a summary controlling the panel, collapsed until opened", () => {
    const { summary, details } = renderMenu();
    expect(summary).toHaveAttribute("aria-controls", "section-menu");
    expect(summary).toHaveAttribute("aria-expanded", "false");
    expect(details.open).toBe(false);
    expect(screen.getByRole("link", { name: "National", hidden: true })).toBeInTheDocument();
  });

  test("aria-expanded follows the summary opening and closing the menu", async () => {
    const { user, summary, details } = renderMenu();
    await open(user, summary);
    expect(details.open).toBe(true);
    await user.click(summary);
    await waitFor(() => expect(summary).toHaveAttribute("aria-expanded", "false"));
    expect(details.open).toBe(false);
  });

  test.each([
    ["on the summary", () => screen.getByText("Sections", { selector: "summary" })],
    ["in the panel", () => screen.getByRole("link", { name: "World" })],
  ])("Escape with focus %s closes the menu and returns focus to the summary", async (_, target) => {
    const { user, summary, details } = renderMenu();
    await open(user, summary);
    target().focus();
    await user.keyboard("{Escape}");
    expect(details.open).toBe(false);
    expect(summary).toHaveFocus();
    await waitFor(() => expect(summary).toHaveAttribute("aria-expanded", "false"));
  });

  test("Escape does nothing while the menu is closed (focus stays where it is)", async () => {
    const { user, details } = renderMenu();
    const after = screen.getByRole("link", { name: "After the menu" });
    after.focus();
    await user.keyboard("{Escape}");
    expect(details.open).toBe(false);
    expect(after).toHaveFocus();
  });

  test("a click outside closes the menu; a click inside does not", async () => {
    const { user, summary, details } = renderMenu();
    await open(user, summary);
    await user.pointer({ keys: "[MouseLeft>]", target: screen.getByRole("navigation") });
    await user.pointer({ keys: "[/MouseLeft]" });
    expect(details.open).toBe(true);
    await user.click(screen.getByText("Page text"));
    expect(details.open).toBe(false);
  });

  test("closes when keyboard focus moves on past the menu, not while it moves within", async () => {
    const { user, summary, details } = renderMenu();
    await open(user, summary);
    await user.tab(); // National
    await user.tab(); // World
    expect(screen.getByRole("link", { name: "World" })).toHaveFocus();
    expect(details.open).toBe(true);
    await user.tab(); // After the menu
    expect(screen.getByRole("link", { name: "After the menu" })).toHaveFocus();
    expect(details.open).toBe(false);
  });

  test("closes after navigating to another page", async () => {
    const { user, summary, details, rerender } = renderMenu();
    await open(user, summary);
    rerender(<Page />);
    expect(details.open).toBe(true);
    router.pathname = "/national";
    rerender(<Page />);
    expect(details.open).toBe(false);
    await waitFor(() => expect(summary).toHaveAttribute("aria-expanded", "false"));
  });
});
