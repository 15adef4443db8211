import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { LibraryPage, PhotoChoice } from "@/lib/newsroom/photo-choice";
import { usePhotoPicker } from "./PhotoPicker.island";

const photo = (imageId: number, alt: string): LibraryPage["photos"][number] => ({
  imageId,
  src: `/media/${imageId}/photo-${imageId}.jpg`,
  width: 1200,
  height: 800,
  alt,
  caption: `Caption ${imageId}`,
  credit: "Herald",
  licence: "All rights reserved",
  uploadedAt: "2026-12-01T00:00:00.000Z",
});

const page = (photos: LibraryPage["photos"], extra: Partial<LibraryPage> = {}): LibraryPage => ({
  photos,
  hasMore: false,
  total: photos.length,
  page: 1,
  words: "",
  ...extra,
});

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === "POST")
      return Response.json(
        { photo: { ...photo(9, "Uploaded"), licence: undefined } },
        { status: 201 },
      );
    const words = new URL(url, "http://x").searchParams.get("words");
    return Response.json(
      words
        ? page([photo(2, "Rain in Seoul")], { words })
        : page([photo(1, "Bison"), photo(2, "Rain in Seoul")]),
    );
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

/** The editor's side: a button that awaits choosePhoto and prints what came back. */
function Editor() {
  const { choosePhoto, picker } = usePhotoPicker();
  const [result, setResult] = useState<string>("none");
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          const chosen: PhotoChoice | null = await choosePhoto();
          setResult(chosen ? `${chosen.imageId}:${chosen.alt}:${chosen.src}` : "null");
        }}
      >
        Add photo
      </button>
      <output aria-label="result">{result}</output>
      {picker}
    </>
  );
}

async function openPicker() {
  const user = userEvent.setup();
  render(<Editor />);
  await user.click(screen.getByRole("button", { name: "Add photo" }));
  const dialog = await screen.findByRole("dialog", { name: "Choose a photo" });
  await within(dialog).findByRole("button", { name: "Use photo: Bison" });
  return { user, dialog };
}

describe("PhotoPicker", () => {
  test("opens labelled, with focus on the search box, and lists the library", async () => {
    const { dialog } = await openPicker();
    expect(within(dialog).getByRole("searchbox", { name: "Search photos" })).toHaveFocus();
    expect(within(dialog).getByRole("status")).toHaveTextContent("2 photos");
    expect(fetchMock).toHaveBeenCalledWith(
      "/newsroom/api/photos?page=1&words=",
      expect.objectContaining({ headers: { accept: "application/json" } }),
    );
  });

  test("choosing a photo resolves choosePhoto with its PhotoChoice and closes", async () => {
    const { user } = await openPicker();
    await user.click(screen.getByRole("button", { name: "Use photo: Rain in Seoul" }));
    expect(screen.getByRole("status", { name: "result" })).toHaveTextContent(
      "2:Rain in Seoul:/media/2/photo-2.jpg",
    );
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("Escape closes it and choosePhoto resolves null; focus returns to the button", async () => {
    const { user } = await openPicker();
    await user.keyboard("{Escape}");
    await waitFor(() =>
      expect(screen.getByRole("status", { name: "result" })).toHaveTextContent("null"),
    );
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Add photo" })).toHaveFocus();
  });

  test("Tab from the last control wraps to the first, Shift+Tab back", async () => {
    const { user, dialog } = await openPicker();
    const upload = within(dialog).getByRole("button", { name: "Upload and use" });
    const cancel = within(dialog).getByRole("button", { name: "Cancel" });
    upload.focus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(upload).toHaveFocus();
  });

  test("searches by words", async () => {
    const { user, dialog } = await openPicker();
    await user.type(within(dialog).getByRole("searchbox"), "rain{Enter}");
    await waitFor(() =>
      expect(within(dialog).queryByRole("button", { name: "Use photo: Bison" })).toBeNull(),
    );
    expect(fetchMock).toHaveBeenLastCalledWith(
      "/newsroom/api/photos?page=1&words=rain",
      expect.anything(),
    );
  });

  test("an upload needs alt text and a credit, then resolves with the new photo", async () => {
    const { user, dialog } = await openPicker();
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], "rain.jpg", {
      type: "image/jpeg",
    });
    await user.upload(within(dialog).getByLabelText(/Photo file/), file);
    await user.click(within(dialog).getByRole("button", { name: "Upload and use" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent(/alt text/);
    expect(within(dialog).getByLabelText("Alt text (required)")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await user.type(within(dialog).getByLabelText("Alt text (required)"), "Umbrellas");
    await user.click(within(dialog).getByRole("button", { name: "Upload and use" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent(/credit/);
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    await user.type(within(dialog).getByLabelText("Credit (required)"), "Herald");
    await user.click(within(dialog).getByRole("button", { name: "Upload and use" }));
    await waitFor(() =>
      expect(screen.getByRole("status", { name: "result" })).toHaveTextContent("9:Uploaded"),
    );
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    const body = post[1].body as FormData;
    expect(body.get("alt")).toBe("Umbrellas");
    expect(body.get("credit")).toBe("Herald");
    expect((body.get("file") as File).name).toBe("rain.jpg");
  });

  test("shows the server's refusal next to the file", async () => {
    fetchMock.mockImplementation(async (_url: string, init?: RequestInit) =>
      init?.method === "POST"
        ? Response.json(
            { error: "Only JPEG, PNG, WebP or AVIF photos", field: "file" },
            { status: 415 },
          )
        : Response.json(page([photo(1, "Bison")])),
    );
    const { user, dialog } = await openPicker();
    await user.upload(
      within(dialog).getByLabelText(/Photo file/),
      new File(["<svg/>"], "x.jpg", { type: "image/jpeg" }),
    );
    await user.type(within(dialog).getByLabelText("Alt text (required)"), "A");
    await user.type(within(dialog).getByLabelText("Credit (required)"), "B");
    await user.click(within(dialog).getByRole("button", { name: "Upload and use" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Only JPEG");
    expect(within(dialog).getByLabelText(/Photo file/)).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("status", { name: "result" })).toHaveTextContent("none");
  });
});
