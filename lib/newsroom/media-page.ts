import { z } from "zod";

/**
 * What the media page (/newsroom/media) says after an upload made without JavaScript: the upload
 * route sends the browser back with `?uploaded=<imageId>` or `?refused=<status>&field=<field>`,
 * and the page prints its OWN sentence for that code (never text from the URL, which anyone can
 * write).
 */

/** Where the media page is. */
export const MEDIA_PAGE_PATH = "/newsroom/media";

/** The page's address after an upload: `{photo}` or `{error, field}` as the route answered it. */
export function mediaPageAfterUpload(
  status: number,
  body: { photo?: { imageId: number }; field?: string },
): string {
  const query = new URLSearchParams();
  if (body.photo) query.set("uploaded", String(body.photo.imageId));
  else {
    query.set("refused", String(status));
    if (body.field) query.set("field", body.field);
  }
  return `${MEDIA_PAGE_PATH}?${query}`;
}

const noticeSchema = z.object({
  uploaded: z.coerce.number().int().positive().optional().catch(undefined),
  refused: z.enum(["400", "403", "413", "415", "422"]).optional().catch(undefined),
  field: z.enum(["file", "alt", "caption", "credit", "licence"]).optional().catch(undefined),
});

const FIELD_MESSAGES: Record<string, string> = {
  alt: "Write the alt text: what the photo shows, for people who cannot see it.",
  credit: "Give the credit: who took the photo, or the agency.",
  caption: "The caption is too long (at most 500 characters).",
  licence: "The licence is too long (at most 200 characters).",
  file: "Choose a photo to upload.",
};

const STATUS_MESSAGES: Record<string, string> = {
  "403": "Uploads are accepted only from the newsroom's own pages.",
  "413": "The photo is larger than 20 MB. Export it smaller and try again.",
  "415": "Only JPEG, PNG, WebP or AVIF photos can be uploaded (no SVG, GIF or other files).",
  "422":
    "This file could not be used as a photo: it may be damaged, animated or over 50 megapixels.",
};

/** The notice for the media page's query: a success, a refusal's sentence, or nothing. */
export function uploadNotice(
  query: Record<string, string | string[] | undefined>,
): { kind: "uploaded"; imageId: number } | { kind: "refused"; message: string } | null {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const q = noticeSchema.parse({
    uploaded: first(query.uploaded),
    refused: first(query.refused),
    field: first(query.field),
  });
  if (q.uploaded) return { kind: "uploaded", imageId: q.uploaded };
  if (!q.refused) return null;
  const message =
    q.refused === "400" ? FIELD_MESSAGES[q.field ?? "file"]! : STATUS_MESSAGES[q.refused]!;
  return { kind: "refused", message };
}
