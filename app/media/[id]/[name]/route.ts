import { z } from "zod";
import { MEDIA_CSP } from "@/lib/http/security-headers.mjs";
import { mediaFile } from "@/lib/newsroom/media";
import { MEDIA_FILE_PATTERN } from "@/lib/urls";

/**
 * GET /media/{imageId}/{name}.{ext}: an uploaded photo's bytes, from the database, so every
 * instance serves every upload (docs/decisions/039-photos-in-the-database.md). The name is free
 * (lib/urls.ts imageSrc spells it); the id must be an upload's and the extension its own, else 404.
 * A photo never changes under its id (a new upload is a new id), so it is cached for a year,
 * immutable; nosniff, `Content-Disposition: inline` and a CSP that allows nothing to run keep the
 * bytes an image even if a browser were asked to render them as a document.
 */
const paramsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/)
    .transform(Number),
  name: z.string().regex(/^[A-Za-z0-9._-]{1,120}\.(jpg|webp)$/),
});

const notFound = () =>
  new Response("No such photo.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export async function GET(
  request: Request,
  context: { params: Promise<{ id: string; name: string }> },
) {
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) return notFound();
  const file = await mediaFile(params.data.id);
  const stored = file ? MEDIA_FILE_PATTERN.exec(file.file) : null;
  if (!file || !stored || !params.data.name.endsWith(`.${stored[2]}`)) return notFound();
  const etag = `"${file.sha256}"`;
  const headers = {
    "content-type": file.contentType,
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-disposition": "inline",
    "content-security-policy": MEDIA_CSP,
    etag,
  };
  if (request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...headers, "content-length": String(file.bytes.byteLength) },
  });
}
