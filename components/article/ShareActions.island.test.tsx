import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ShareActions } from "./ShareActions.island";

const URL_ = "https://herald.example/article/7/a-headline";
const TITLE = "A headline";

type Apis = {
  clipboard?: { writeText: (text: string) => Promise<void> };
  share?: (data: ShareData) => Promise<void>;
};

/**
 * Gives the jsdom navigator exactly these browser APIs (jsdom has neither). Called after
 * `userEvent.setup()`, which installs a clipboard stub of its own that would otherwise show.
 */
function browserWith({ clipboard, share }: Apis) {
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
  Object.defineProperty(navigator, "share", { value: share, configurable: true });
}

afterEach(() => {
  const nav = navigator as unknown as Record<string, unknown>;
  delete nav.clipboard;
  delete nav.share;
});

/** Renders the actions as ShareLinks does: items of a list. */
function renderActions() {
  return render(
    <ul>
      <ShareActions url={URL_} title={TITLE} buttonClass="share-button" />
    </ul>,
  );
}

describe("ShareActions", () => {
  test.each([
    { apis: "neither API", clipboard: false, share: false, buttons: [] },
    { apis: "the Clipboard API", clipboard: true, share: false, buttons: ["Copy link"] },
    { apis: "the Web Share API", clipboard: false, share: true, buttons: ["Share…"] },
    { apis: "both APIs", clipboard: true, share: true, buttons: ["Copy link", "Share…"] },
  ])("offers $buttons in a browser with $apis", ({ clipboard, share, buttons }) => {
    userEvent.setup();
    browserWith({
      clipboard: clipboard ? { writeText: vi.fn(() => Promise.resolve()) } : undefined,
      share: share ? vi.fn(() => Promise.resolve()) : undefined,
    });
    renderActions();
    const shown = screen.queryAllByRole("button").map((button) => button.textContent);
    expect(shown).toEqual(buttons);
    expect(screen.queryAllByRole("listitem")).toHaveLength(buttons.length);
    for (const button of screen.queryAllByRole("button")) {
      expect(button).toHaveAttribute("type", "button");
      expect(button).toHaveClass("share-button");
    }
  });

  test("Copy link writes the article's URL to the clipboard and announces it", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    browserWith({ clipboard: { writeText } });
    renderActions();
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("");
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(URL_);
    expect(status).toHaveTextContent("Link copied");
  });

  test.each(["Enter", " "])("Copy link works from the keyboard (%j)", async (key) => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    browserWith({ clipboard: { writeText } });
    renderActions();
    await user.tab();
    expect(screen.getByRole("button", { name: "Copy link" })).toHaveFocus();
    await user.keyboard(key === " " ? "[Space]" : `{${key}}`);
    expect(writeText).toHaveBeenCalledExactlyOnceWith(URL_);
    expect(await screen.findByText("Link copied")).toBeInTheDocument();
  });

  test("says so when the browser refuses the copy (no permission)", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    browserWith({ clipboard: { writeText } });
    renderActions();
    await user.click(screen.getByRole("button", { name: "Copy link" }));
    expect(screen.getByRole("status")).toHaveTextContent("Could not copy the link");
  });

  test("Share… opens the native share sheet with the URL and title", async () => {
    const user = userEvent.setup();
    const share = vi.fn(() => Promise.resolve());
    browserWith({ share });
    renderActions();
    await user.click(screen.getByRole("button", { name: "Share…" }));
    expect(share).toHaveBeenCalledExactlyOnceWith({ url: URL_, title: TITLE });
  });

  test("a share sheet closed by the reader is not an error and announces nothing", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const user = userEvent.setup();
      const share = vi.fn(() => Promise.reject(new DOMException("closed", "AbortError")));
      const writeText = vi.fn(() => Promise.resolve());
      browserWith({ clipboard: { writeText }, share });
      renderActions();
      await user.click(screen.getByRole("button", { name: "Share…" }));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(share).toHaveBeenCalledTimes(1);
      expect(unhandled).not.toHaveBeenCalled();
      expect(screen.getByRole("status")).toHaveTextContent("");
      expect(writeText).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});
