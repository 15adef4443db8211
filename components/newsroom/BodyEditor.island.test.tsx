import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { BodyBlock } from "@/lib/domain";
import { BodyEditor, type PhotoChoice } from "./BodyEditor.island";

/**
 * jsdom has no layout: ProseMirror asks for the rectangles of the selection when it scrolls it
 * into view and for the element under a click. Empty answers stand in for them.
 */
beforeAll(() => {
  const noRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  const rect = () => new DOMRect(0, 0, 0, 0);
  Range.prototype.getClientRects = noRects;
  Range.prototype.getBoundingClientRect = rect;
  Element.prototype.getClientRects = noRects;
  document.elementFromPoint = () => null;
});

function setup(initial: BodyBlock[] = [], choosePhoto?: () => Promise<PhotoChoice | null>) {
  const onChange = vi.fn<(blocks: BodyBlock[]) => void>();
  const user = userEvent.setup();
  render(
    <>
      <span id="body-label">Body</span>
      <BodyEditor
        id="body"
        labelledBy="body-label"
        initial={initial}
        onChange={onChange}
        choosePhoto={choosePhoto}
      />
    </>,
  );
  const last = () => onChange.mock.calls.at(-1)?.[0];
  return { onChange, user, last };
}

const region = () => screen.findByRole("textbox", { name: "Body" });

describe("BodyEditor", () => {
  test("shows the initial blocks in a labelled editable region with a labelled toolbar", async () => {
    setup([
      { type: "heading", text: "Sub" },
      { type: "paragraph", text: "Hello world" },
    ]);
    const body = await region();
    expect(body).toHaveAttribute("id", "body");
    expect(body).toHaveAttribute("contenteditable", "true");
    expect(body.querySelector("h2")).toHaveTextContent("Sub");
    const toolbar = screen.getByRole("toolbar", { name: "Body formatting" });
    for (const name of [
      "Bold",
      "Italic",
      "Link",
      "Subheading",
      "Quote",
      "Bulleted list",
      "Numbered list",
    ])
      expect(screen.getByRole("button", { name })).toHaveAttribute("aria-pressed", "false");
    expect(toolbar).toHaveAttribute("aria-controls", "body");
  });

  test("typing emits paragraph blocks", async () => {
    const { user, last } = setup();
    const body = await region();
    await user.click(body);
    await user.type(body, "Rain in Seoul");
    await waitFor(() => expect(last()).toEqual([{ type: "paragraph", text: "Rain in Seoul" }]));
  });

  test("Bold presses its button and emits a bold run", async () => {
    const { user, last } = setup();
    const body = await region();
    await user.click(body);
    await user.type(body, "Plain ");
    await user.click(screen.getByRole("button", { name: "Bold" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true"),
    );
    await user.type(body, "strong");
    await waitFor(() =>
      expect(last()).toEqual([
        {
          type: "paragraph",
          text: "Plain strong",
          runs: [{ text: "Plain " }, { text: "strong", bold: true }],
        },
      ]),
    );
  });

  test("the link prompt refuses javascript: and data:, then links an https address", async () => {
    const { user, last } = setup([{ type: "paragraph", text: "Read more" }]);
    const body = await region();
    await user.click(body);
    await user.keyboard("{Control>}a{/Control}");
    await user.click(screen.getByRole("button", { name: "Link" }));
    const field = screen.getByLabelText(/Link address/);
    expect(field).toHaveFocus();

    for (const bad of ["javascript:alert(1)", "data:text/html,x"]) {
      await user.clear(field);
      await user.type(field, bad);
      await user.click(screen.getByRole("button", { name: "Apply link" }));
      expect(screen.getByRole("alert")).toHaveTextContent(/only be http, https or mailto/);
      expect(field).toHaveAttribute("aria-invalid", "true");
    }
    expect(last()?.some((b) => b.type === "paragraph" && b.runs?.some((r) => r.href))).not.toBe(
      true,
    );

    await user.clear(field);
    await user.type(field, "https://example.org/more{Enter}");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() =>
      expect(last()).toEqual([
        {
          type: "paragraph",
          text: "Read more",
          runs: [{ text: "Read more", href: "https://example.org/more" }],
        },
      ]),
    );
  });

  test("Escape closes the link prompt without a change", async () => {
    const { user, onChange } = setup([{ type: "paragraph", text: "x" }]);
    await user.click(await region());
    await user.click(screen.getByRole("button", { name: "Link" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  test("Photo asks the media library and emits a photo block", async () => {
    const choice: PhotoChoice = {
      imageId: 9,
      src: "/media/9/river.jpg",
      width: 800,
      height: 600,
      alt: "The river",
      caption: "<img src=x onerror=alert(1)>",
      credit: "Lee",
    };
    const choosePhoto = vi.fn(async () => choice);
    const { user, last } = setup([{ type: "paragraph", text: "Before" }], choosePhoto);
    const body = await region();
    await user.click(body);
    await act(async () => {
      await user.click(screen.getByRole("button", { name: "Photo" }));
    });
    expect(choosePhoto).toHaveBeenCalledOnce();
    await waitFor(() =>
      expect(last()?.find((b) => b.type === "photo")).toEqual({ type: "photo", ...choice }),
    );
    // The hostile caption is text in the editor, not an element.
    expect(body.querySelectorAll("img")).toHaveLength(1);
    expect(body.querySelector("figcaption")).toHaveTextContent(
      "<img src=x onerror=alert(1)> (Lee)",
    );
  });
});
