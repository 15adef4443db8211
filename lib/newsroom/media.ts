import "server-only";
import { z } from "zod";
import { getStore } from "../news/connect";
import { TAGS } from "../news/freshness";
import type { MediaPhoto, NewsroomStore } from "../news/newsroom-store";
import { refreshTags } from "../news/refresh";
import { MAX_UPLOAD_BYTES, processPhoto, readCapped, TOO_LARGE } from "./photo-pipeline";
import type { LibraryPage, PhotoChoice } from "./photo-choice";
import type { Role } from "./roles";
import type { StoryContent } from "./story-content";

/**
 * The newsroom's photos (docs/newsroom.md, "Photos"; decisions/039): the one door of app/ to
 * uploading and listing them. Uploads go through lib/newsroom/photo-pipeline.ts and are stored in
 * the database (every instance serves them at /media/<imageId>/…).
 */

export type { LibraryPage, LibraryPhoto, PhotoChoice } from "./photo-choice";

/** Who acts: the signed-in staff member (lib/newsroom/session.ts `Staff` fits). */
export type MediaActor = { id: string; email: string; role: Role };

/** The fields of an upload that a person fills in. */
export type PhotoField = "file" | "alt" | "caption" | "credit" | "licence";

/** What an upload came to: the photo, or a refusal with its HTTP status and the field at fault. */
export type UploadOutcome =
  | { ok: true; photo: PhotoChoice }
  | { ok: false; status: 400 | 413 | 415 | 422; error: string; field?: PhotoField };

/** The licence of a photo uploaded without one. */
export const DEFAULT_LICENCE = "All rights reserved";

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is at most ${max} characters.`);

/**
 * An upload's text fields: alt text and credit are required (issue 17: a story's photos need
 * both before publishing, so they are asked for at upload), caption and licence optional.
 */
export const photoFieldsSchema = z.object({
  alt: text(300, "Alt text").min(1, "Describe the photo for people who cannot see it (alt text)."),
  caption: text(500, "The caption").default(""),
  credit: text(120, "The credit").min(1, "Give the photo's credit (who took it, or the agency)."),
  licence: text(200, "The licence")
    .optional()
    .transform((v) => v || DEFAULT_LICENCE),
});

/** What uploadPhoto needs besides its input (replaced by the tests). */
export type MediaDeps = {
  store: () => Promise<NewsroomStore>;
  now: () => Date;
  refresh: typeof refreshTags;
};

const serverDeps: MediaDeps = {
  store: async () => (await getStore()).newsroom(),
  now: () => new Date(),
  refresh: refreshTags,
};

const toChoice = (p: MediaPhoto): PhotoChoice => ({
  imageId: p.imageId,
  src: p.src,
  width: p.width,
  height: p.height,
  alt: p.alt,
  caption: p.caption,
  credit: p.credit,
});

/**
 * Uploads a photo for `staff` (any role): checks the fields (400), the size (413: a Blob over
 * 20 MB is never read, a stream is read only up to the limit), the real type and the pixels
 * (415/422, lib/newsroom/photo-pipeline.ts); stores the re-encoded bytes and an `images` row;
 * writes the audit entry "photo-uploaded" and refreshes the credits page's tag. Never throws for
 * bad input; storage errors pass.
 */
export async function uploadPhoto(
  staff: MediaActor,
  file: Blob | null | undefined,
  fields: { alt?: unknown; caption?: unknown; credit?: unknown; licence?: unknown },
  options: { address?: string | null; deps?: MediaDeps } = {},
): Promise<UploadOutcome> {
  const deps = options.deps ?? serverDeps;
  const parsed = photoFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, status: 400, error: issue.message, field: issue.path[0] as PhotoField };
  }
  if (!file || typeof file.stream !== "function" || file.size === 0)
    return { ok: false, status: 400, error: "Choose a photo to upload.", field: "file" };
  if (file.size > MAX_UPLOAD_BYTES) return refusal(TOO_LARGE);
  const bytes = await readCapped(file.stream(), MAX_UPLOAD_BYTES);
  if (bytes === "too-large") return refusal(TOO_LARGE);
  const processed = await processPhoto(bytes);
  if (!processed.ok) return refusal(processed);

  const store = await deps.store();
  const at = deps.now().toISOString();
  const photo = await store.insertPhoto({
    bytes: processed.bytes,
    contentType: processed.contentType,
    extension: processed.extension,
    sha256: processed.sha256,
    width: processed.width,
    height: processed.height,
    ...parsed.data,
    uploadedBy: staff.id,
    uploadedAt: at,
  });
  await store.audit({
    at,
    actorId: staff.id,
    actorEmail: staff.email,
    action: "photo-uploaded",
    detail: {
      imageId: photo.imageId,
      name: "name" in file && typeof file.name === "string" ? file.name.slice(0, 200) : null,
      receivedBytes: bytes.byteLength,
      storedBytes: photo.byteSize,
      sha256: processed.sha256,
    },
    address: options.address ?? null,
  });
  await deps.refresh([TAGS.images]);
  return { ok: true, photo: toChoice(photo) };
}

function refusal(r: { status: 413 | 415 | 422; message: string }): UploadOutcome {
  return { ok: false, status: r.status, error: r.message, field: "file" };
}

/** Photos per page of the media library. */
export const LIBRARY_PAGE_SIZE = 24;

/** The media library's query (page 1-based; words of alt text, caption or credit). */
export const libraryQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  words: z.string().trim().max(100).catch(""),
});

/**
 * The media library for `staff` (any role): uploaded photos newest first, a page of
 * {@link LIBRARY_PAGE_SIZE}, filtered by words. A malformed page is page 1.
 */
export async function mediaLibrary(
  staff: MediaActor,
  query: { page?: unknown; words?: unknown },
  deps: Pick<MediaDeps, "store"> = serverDeps,
): Promise<LibraryPage> {
  void staff; // every role may read the library; the parameter keeps the door's shape.
  const q = libraryQuerySchema.parse({ page: query.page ?? 1, words: query.words ?? "" });
  const store = await deps.store();
  const result = await store.mediaLibrary({ ...q, perPage: LIBRARY_PAGE_SIZE });
  return {
    photos: result.photos.map((p) => ({
      ...toChoice(p),
      licence: p.licence,
      uploadedAt: p.uploadedAt,
    })),
    hasMore: result.hasMore,
    total: result.total,
    ...q,
  };
}

/** An uploaded photo's bytes and type for GET /media/<imageId>/…, or null (a 404). */
export async function mediaFile(
  imageId: number,
): Promise<{ contentType: string; bytes: Uint8Array; sha256: string; file: string } | null> {
  return (await serverDeps.store()).mediaFile(imageId);
}

/**
 * A story's content with where its uploaded photos are seen: each body photo's src, width and
 * height filled in (the stored body keeps only the image id: lib/content/blocks.ts), and the lead
 * photo's src, so the editor shows the photos again after a reload instead of "Photo 12". Ids
 * that are no upload keep no src. Takes the content as the stories door returns it.
 */
export async function withPhotoSources(
  content: StoryContent,
  deps: Pick<MediaDeps, "store"> = serverDeps,
): Promise<{ content: StoryContent; leadSrc: string | null }> {
  const ids = new Set<number>();
  if (content.lead.imageId !== null) ids.add(content.lead.imageId);
  for (const block of content.body) if (block.type === "photo") ids.add(block.imageId);
  if (ids.size === 0) return { content, leadSrc: null };
  const store = await deps.store();
  const found = new Map<number, MediaPhoto>();
  for (const id of ids) {
    const photo = await store.photo(id);
    if (photo) found.set(id, photo);
  }
  const body = content.body.map((block) => {
    const photo = block.type === "photo" ? found.get(block.imageId) : undefined;
    return photo ? { ...block, src: photo.src, width: photo.width, height: photo.height } : block;
  });
  const lead = content.lead.imageId === null ? undefined : found.get(content.lead.imageId);
  return { content: { ...content, body }, leadSrc: lead?.src ?? null };
}
