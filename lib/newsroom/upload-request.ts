import { MAX_UPLOAD_BYTES } from "./photo-pipeline";

/**
 * Reading POST /newsroom/api/photos before anything is stored (docs/newsroom.md, "Photos"):
 * the same-origin check and the multipart form, read with a cap so a 25 MB upload is refused
 * after at most the limit, never held whole in memory.
 */

/** The largest form accepted: the photo's limit plus room for the text fields and boundaries. */
export const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

/**
 * Whether a POST comes from a page of this site: its Origin names the request's own host. No
 * Origin (every browser sends one with a POST), "null" or another host: false.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A form read, or why not (the HTTP status and message to answer). */
export type FormRead =
  { ok: true; form: FormData } | { ok: false; status: 400 | 413 | 415; error: string };

const TOO_LARGE = {
  ok: false,
  status: 413,
  error: "The photo is larger than 20 MB. Export it smaller and try again.",
} as const;

/**
 * Reads a multipart form of at most {@link MAX_FORM_BYTES}: a declared Content-Length over it is
 * refused unread (413); a body without one (chunked) is read only up to the cap, then refused.
 */
export async function readUploadForm(request: Request, max = MAX_FORM_BYTES): Promise<FormRead> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(type))
    return { ok: false, status: 415, error: 'Send the photo as a multipart form (field "file").' };
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await request.body?.cancel().catch(() => undefined);
    return TOO_LARGE;
  }
  if (!request.body) return { ok: false, status: 400, error: "The form is empty." };
  let seen = 0;
  let over = false;
  const capped = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > max) {
          over = true;
          controller.error(new Error("upload over the limit"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    const form = await new Response(capped, { headers: { "content-type": type } }).formData();
    return { ok: true, form };
  } catch {
    return over ? TOO_LARGE : { ok: false, status: 400, error: "The form could not be read." };
  }
}

/** A form field as text, or undefined when it is missing or a file. */
export function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}
