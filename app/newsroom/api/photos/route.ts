import { mediaLibrary, uploadPhoto } from "@/lib/newsroom/media";
import { mediaPageAfterUpload } from "@/lib/newsroom/media-page";
import { staffForRequest } from "@/lib/newsroom/session";
import { isSameOrigin, readUploadForm, textField } from "@/lib/newsroom/upload-request";
import { clientAddress } from "@/lib/page-views/client-address";
import { readConfig } from "@/lib/config";

/**
 * POST /newsroom/api/photos (multipart: file, alt, caption, credit, licence?): uploads a photo
 * (lib/newsroom/media.ts uploadPhoto). Refused: another site's Origin (403), no session (401), a
 * form over 20 MB (413, unread), a form that is no multipart (415). Answers JSON `{photo}` (201)
 * or `{error, field?}` with 400/413/415/422; a browser's plain form post (the media page without
 * JavaScript, which sends no `Accept: application/json`) is sent back to /newsroom/media with
 * the outcome instead (303). The session is checked before the body is read.
 */
export async function POST(request: Request) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const answer = (status: number, body: Record<string, unknown>) =>
    wantsJson || status === 401 || status === 403
      ? Response.json(body, { status, headers: { "cache-control": "private, no-store" } })
      : new Response(null, {
          status: 303,
          headers: {
            location: mediaPageAfterUpload(status, body),
            "cache-control": "private, no-store",
          },
        });

  if (!isSameOrigin(request))
    return answer(403, { error: "Uploads are accepted only from the newsroom's own pages." });
  const staff = await staffForRequest(request, "writer");
  if (staff instanceof Response) return staff;
  const read = await readUploadForm(request);
  if (!read.ok) return answer(read.status, { error: read.error, field: "file" });
  const file = read.form.get("file");
  const outcome = await uploadPhoto(
    staff,
    file instanceof Blob ? file : null,
    {
      alt: textField(read.form, "alt"),
      caption: textField(read.form, "caption") ?? "",
      credit: textField(read.form, "credit"),
      licence: textField(read.form, "licence"),
    },
    { address: clientAddress(request.headers, readConfig().trustedProxies) },
  );
  return outcome.ok
    ? answer(201, { photo: outcome.photo })
    : answer(outcome.status, { error: outcome.error, field: outcome.field });
}

/**
 * GET /newsroom/api/photos?page=N&words=…: a page of the media library as JSON (the photo picker
 * of the story editor). 401 without a session.
 */
export async function GET(request: Request) {
  const staff = await staffForRequest(request, "writer");
  if (staff instanceof Response) return staff;
  const params = new URL(request.url).searchParams;
  const library = await mediaLibrary(staff, {
    page: params.get("page") ?? undefined,
    words: params.get("words") ?? undefined,
  });
  return Response.json(library, { headers: { "cache-control": "private, no-store" } });
}
