"use client";

import Image from "next/image";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { LibraryPage, LibraryPhoto, PhotoChoice } from "@/lib/newsroom/photo-choice";

/** Where the picker lists and uploads photos (app/newsroom/api/photos/route.ts). */
export const PHOTOS_ENDPOINT = "/newsroom/api/photos";

/** The largest photo accepted (lib/newsroom/photo-pipeline.ts MAX_UPLOAD_BYTES): checked here first. */
const MAX_BYTES = 20 * 1024 * 1024;

type Field = "file" | "alt" | "caption" | "credit";
type Status =
  | { kind: "idle" }
  | { kind: "busy"; what: string }
  | { kind: "error"; message: string; field?: Field };

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const LOAD_FAILED: Status = {
  kind: "error",
  message: "The media library could not be loaded. Try again.",
};

/** A page of the media library from the server. */
async function fetchLibrary(endpoint: string, page: number, words: string): Promise<LibraryPage> {
  const url = `${endpoint}?${new URLSearchParams({ page: String(page), words })}`;
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`media library: ${response.status}`);
  return (await response.json()) as LibraryPage;
}

/**
 * The story editor's photo dialog (issue 17, "Photos"): the media library with a search box, and
 * an upload form whose alt text and credit are required. Choosing a photo, or uploading one,
 * calls `onChoose` with the contract's PhotoChoice; Cancel, Escape or choosing closes it. A modal
 * `<dialog>` labelled by its heading: focus moves into it, Tab stays inside it, and returns to
 * what had it when it closes. Props: `open`, `onChoose(photo)`, `onClose()`; `endpoint` for tests.
 */
export function PhotoPicker({
  open,
  onChoose,
  onClose,
  endpoint = PHOTOS_ENDPOINT,
}: {
  open: boolean;
  onChoose: (photo: PhotoChoice) => void;
  onClose: () => void;
  endpoint?: string;
}) {
  const ids = useId();
  const headingId = `${ids}-heading`;
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [library, setLibrary] = useState<LibraryPage | null>(null);
  const [words, setWords] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  const load = async (page: number, query: string) => {
    try {
      const next = await fetchLibrary(endpoint, page, query);
      setLibrary((before) =>
        page > 1 && before ? { ...next, photos: [...before.photos, ...next.photos] } : next,
      );
      setStatus({ kind: "idle" });
    } catch {
      setStatus(LOAD_FAILED);
    }
  };

  /** From an event: says it is loading, then loads. */
  const loadNow = (page: number, query: string) => {
    setStatus({ kind: "busy", what: "Loading photos…" });
    void load(page, query);
  };

  // Opening: a modal dialog (focus trapped by the browser), the library loaded, focus on search.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!open) {
      if (typeof element.close === "function") element.close();
      element.removeAttribute("open");
      return;
    }
    const before = document.activeElement as HTMLElement | null;
    if (!element.open) {
      if (typeof element.showModal === "function") element.showModal();
      else element.setAttribute("open", "");
    }
    search.current?.focus();
    let live = true;
    fetchLibrary(endpoint, 1, "").then(
      (first) => live && setLibrary(first),
      () => live && setStatus(LOAD_FAILED),
    );
    return () => {
      live = false;
      before?.focus?.();
    };
  }, [open, endpoint]);

  const close = () => {
    setStatus({ kind: "idle" });
    onClose();
  };
  const choose = (photo: PhotoChoice) => {
    onChoose(photo);
    close();
  };

  // Escape closes; Tab and Shift+Tab wrap inside the dialog (where the browser does not already).
  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const upload = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    // The file from the input itself, set on the form data explicitly (the same in every DOM).
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    if (file) data.set("file", file);
    if (!file || file.size === 0)
      return setStatus({ kind: "error", message: "Choose a photo to upload.", field: "file" });
    if (file.size > MAX_BYTES)
      return setStatus({
        kind: "error",
        message: "The photo is larger than 20 MB. Export it smaller and try again.",
        field: "file",
      });
    for (const [field, message] of [
      ["alt", "Write the alt text: what the photo shows, for people who cannot see it."],
      ["credit", "Give the credit: who took the photo, or the agency."],
    ] as const) {
      if (String(data.get(field) ?? "").trim() === "")
        return setStatus({ kind: "error", message, field });
    }
    setStatus({ kind: "busy", what: "Uploading…" });
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        body: data,
        headers: { accept: "application/json" },
      });
      const answer = (await response.json().catch(() => ({}))) as {
        photo?: PhotoChoice;
        error?: string;
        field?: Field;
      };
      if (response.ok && answer.photo) return choose(answer.photo);
      setStatus({
        kind: "error",
        message: answer.error ?? `The upload failed (${response.status}).`,
        field: answer.field,
      });
    } catch {
      setStatus({ kind: "error", message: "The upload failed: no answer. Try again." });
    }
  };

  const errorId = `${ids}-error`;
  const fieldError = (field: Field) =>
    status.kind === "error" && status.field === field
      ? { "aria-invalid": true as const, "aria-describedby": errorId }
      : {};

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      aria-modal="true"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      className="w-full max-w-3xl p-4 backdrop:bg-black/50"
    >
      {open && (
        <div className="grid gap-4">
          <div className="flex items-baseline justify-between gap-4">
            <h2 id={headingId} className="text-xl font-bold">
              Choose a photo
            </h2>
            <button type="button" onClick={close} className="underline">
              Cancel
            </button>
          </div>

          <form
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              loadNow(1, words);
            }}
            className="flex gap-2"
          >
            <label htmlFor={`${ids}-words`}>Search photos</label>
            <input
              ref={search}
              id={`${ids}-words`}
              type="search"
              value={words}
              onChange={(event) => setWords(event.target.value)}
              className="flex-1 border px-2"
            />
            <button type="submit" className="border px-3">
              Search
            </button>
          </form>

          <p role="status" className="min-h-6 text-sm">
            {status.kind === "busy"
              ? status.what
              : library
                ? libraryCount(library)
                : "Loading photos…"}
          </p>
          {status.kind === "error" && (
            <p id={errorId} role="alert" className="font-semibold text-red-800">
              {status.message}
            </p>
          )}

          {library && library.photos.length > 0 && (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Photos">
              {library.photos.map((photo) => (
                <li key={photo.imageId}>
                  <PhotoButton photo={photo} onChoose={choose} />
                </li>
              ))}
            </ul>
          )}
          {library?.hasMore && (
            <button
              type="button"
              className="justify-self-start border px-3"
              onClick={() => loadNow(library.page + 1, library.words)}
            >
              More photos
            </button>
          )}

          <form
            aria-labelledby={`${ids}-upload`}
            onSubmit={(event) => {
              event.preventDefault();
              void upload(event.currentTarget);
            }}
            className="grid gap-2 border-t pt-4"
            noValidate
          >
            <h3 id={`${ids}-upload`} className="font-bold">
              Upload a photo
            </h3>
            <Labelled id={`${ids}-file`} label="Photo file (JPEG, PNG, WebP or AVIF, up to 20 MB)">
              <input
                id={`${ids}-file`}
                name="file"
                type="file"
                accept="image/jpeg,image/png,image/webp,image/avif"
                required
                {...fieldError("file")}
              />
            </Labelled>
            <Labelled id={`${ids}-alt`} label="Alt text (required)">
              <input
                id={`${ids}-alt`}
                name="alt"
                required
                maxLength={300}
                className="border px-2"
                {...fieldError("alt")}
              />
            </Labelled>
            <Labelled id={`${ids}-caption`} label="Caption">
              <input
                id={`${ids}-caption`}
                name="caption"
                maxLength={500}
                className="border px-2"
                {...fieldError("caption")}
              />
            </Labelled>
            <Labelled id={`${ids}-credit`} label="Credit (required)">
              <input
                id={`${ids}-credit`}
                name="credit"
                required
                maxLength={120}
                className="border px-2"
                {...fieldError("credit")}
              />
            </Labelled>
            <button
              type="submit"
              disabled={status.kind === "busy"}
              className="justify-self-start border px-3"
            >
              Upload and use
            </button>
          </form>
        </div>
      )}
    </dialog>
  );
}

function libraryCount(library: LibraryPage): string {
  if (library.total === 0) return library.words ? "No photo matches." : "No photos yet.";
  return `${library.total} photo${library.total === 1 ? "" : "s"}`;
}

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function PhotoButton({
  photo,
  onChoose,
}: {
  photo: LibraryPhoto;
  onChoose: (photo: PhotoChoice) => void;
}) {
  const { licence, uploadedAt, ...choice } = photo;
  void licence;
  void uploadedAt;
  return (
    <button
      type="button"
      onClick={() => onChoose(choice)}
      className="grid w-full gap-1 text-left"
      aria-label={`Use photo: ${photo.alt}`}
    >
      <Image
        src={photo.src}
        alt=""
        width={photo.width}
        height={photo.height}
        sizes="160px"
        className="aspect-[3/2] w-full object-cover"
      />
      <span className="text-sm">{photo.caption || photo.alt}</span>
      <span className="text-xs text-muted">{photo.credit}</span>
    </button>
  );
}

/**
 * For the story editor: `choosePhoto()` opens the picker and resolves with the chosen photo, or
 * null when it is closed without one (BodyEditor's `choosePhoto` prop); render `picker`.
 */
export function usePhotoPicker(): {
  choosePhoto: () => Promise<PhotoChoice | null>;
  picker: ReactNode;
} {
  const [open, setOpen] = useState(false);
  const pending = useRef<((photo: PhotoChoice | null) => void) | null>(null);
  const settle = (photo: PhotoChoice | null) => {
    pending.current?.(photo);
    pending.current = null;
  };
  const choosePhoto = useCallback(
    () =>
      new Promise<PhotoChoice | null>((resolve) => {
        pending.current?.(null);
        pending.current = resolve;
        setOpen(true);
      }),
    [],
  );
  const picker = (
    <PhotoPicker
      open={open}
      onChoose={(photo) => settle(photo)}
      onClose={() => {
        setOpen(false);
        settle(null);
      }}
    />
  );
  return { choosePhoto, picker };
}
