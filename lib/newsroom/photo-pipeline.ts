import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";

/**
 * What an uploaded photo goes through before it is stored (docs/newsroom.md, "Photos";
 * docs/decisions/039-photos-in-the-database.md). Pure: bytes in, re-encoded bytes or a refusal
 * out; lib/newsroom/media.ts stores the result.
 *
 * 1. At most {@link MAX_UPLOAD_BYTES}; callers cap the read ({@link readCapped}) so a larger
 *    upload is refused without being held in memory.
 * 2. The real type from the first bytes (magic numbers), never the name or the declared type:
 *    JPEG, PNG, WebP or still AVIF. SVG, GIF, HEIC, animated AVIF and anything else: 415.
 * 3. sharp reads the header: the same format, one page/frame only, at most
 *    {@link MAX_INPUT_PIXELS} (a decompression bomb declares a huge canvas in a tiny file): 422.
 *    `failOn: "error"` refuses truncated or corrupt data.
 * 4. Re-encoded: turned upright by its EXIF orientation, then written WITHOUT any metadata (EXIF
 *    with GPS position, XMP, IPTC, ICC: sharp keeps none unless asked; colours are converted to
 *    sRGB), the longest side at most {@link MAX_SIDE} px. Opaque photos become JPEG (mozjpeg),
 *    which every reader, feed and share card takes; photos with transparency become WebP.
 * 5. The result must fit the image optimizer's source limit (next.config.js
 *    `maximumResponseBody`, decisions/019): the quality steps down until it does.
 */

/** The largest upload accepted (issue 17: "up to 20 MB"). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The largest canvas sharp will decode: 50 megapixels (a 48 MP phone photo passes). */
export const MAX_INPUT_PIXELS = 50_000_000;
/** The longest side of a stored photo, in pixels (twice the widest slot, 780 px, with room). */
export const MAX_SIDE = 2400;
/** The largest stored file: what the image optimizer reads of a source (next.config.js). */
export const MAX_STORED_BYTES = 4_000_000;

const QUALITIES = [82, 72, 62, 52] as const;

/** The formats accepted, as the first bytes say. */
export type PhotoFormat = "jpeg" | "png" | "webp" | "avif";

/** A refusal: the HTTP status and a message for the person uploading. */
export type PhotoRefusal = { ok: false; status: 413 | 415 | 422; message: string };

/** A re-encoded photo, ready to store. */
export type ProcessedPhoto = {
  ok: true;
  bytes: Uint8Array;
  contentType: "image/jpeg" | "image/webp";
  extension: "jpg" | "webp";
  width: number;
  height: number;
  sha256: string;
};

export const TOO_LARGE: PhotoRefusal = {
  ok: false,
  status: 413,
  message: "The photo is larger than 20 MB. Export it smaller and try again.",
};
const NOT_A_PHOTO: PhotoRefusal = {
  ok: false,
  status: 415,
  message: "Only JPEG, PNG, WebP or AVIF photos can be uploaded (no SVG, GIF or other files).",
};
const TOO_MANY_PIXELS: PhotoRefusal = {
  ok: false,
  status: 422,
  message: "The photo has too many pixels: at most 50 megapixels (for example 8660×5773).",
};
const UNREADABLE: PhotoRefusal = {
  ok: false,
  status: 422,
  message: "This file could not be read as a photo (it may be damaged).",
};

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/**
 * The format the first bytes of a file declare, or null for anything else. AVIF is an ISO-BMFF
 * `ftyp` box with the brand "avif"; "avis" (an AVIF image sequence, i.e. animation) is null.
 */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (ascii(bytes, 4, 8) === "ftyp") {
    const size = Math.min(
      ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0,
      256,
      bytes.length,
    );
    const brands: string[] = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.includes("avis")) return null;
    if (brands.includes("avif")) return "avif";
  }
  return null;
}

/**
 * Reads a stream into memory, stopping as soon as it passes `max` bytes: returns the bytes, or
 * "too-large" (the rest is never read; the stream is cancelled).
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array | "too-large"> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const sharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" } as const;

/**
 * Checks and re-encodes an uploaded photo (the steps above). Never throws for bad input: a
 * refusal says why (413 too large, 415 not an accepted type, 422 unreadable, animated or too
 * many pixels).
 */
export async function processPhoto(input: Uint8Array): Promise<ProcessedPhoto | PhotoRefusal> {
  if (input.byteLength > MAX_UPLOAD_BYTES) return TOO_LARGE;
  const format = sniffPhotoFormat(input);
  if (!format) return NOT_A_PHOTO;
  let metadata: Metadata;
  try {
    metadata = await sharp(input, sharpOptions).metadata();
  } catch (error) {
    // sharp checks limitInputPixels on reading the header: a decompression bomb stops here.
    return error instanceof Error && /pixel limit/i.test(error.message)
      ? TOO_MANY_PIXELS
      : UNREADABLE;
  }
  const sharpFormat = format === "avif" ? "heif" : format;
  if (metadata.format !== sharpFormat) return NOT_A_PHOTO;
  if (format === "avif" && metadata.compression !== "av1") return NOT_A_PHOTO;
  if ((metadata.pages ?? 1) > 1)
    return {
      ok: false,
      status: 422,
      message: "Animated or multi-page images cannot be uploaded; export one still photo.",
    };
  const { width = 0, height = 0 } = metadata;
  if (width < 1 || height < 1) return UNREADABLE;
  if (width * height > MAX_INPUT_PIXELS) return TOO_MANY_PIXELS;

  const alpha = metadata.hasAlpha === true;
  try {
    for (const quality of QUALITIES) {
      const pipeline = sharp(input, sharpOptions)
        .rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true });
      const { data, info } = await (
        alpha ? pipeline.webp({ quality }) : pipeline.jpeg({ quality, mozjpeg: true })
      ).toBuffer({ resolveWithObject: true });
      if (data.byteLength > MAX_STORED_BYTES) continue;
      return {
        ok: true,
        bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        contentType: alpha ? "image/webp" : "image/jpeg",
        extension: alpha ? "webp" : "jpg",
        width: info.width,
        height: info.height,
        sha256: createHash("sha256").update(data).digest("hex"),
      };
    }
  } catch {
    return UNREADABLE;
  }
  return {
    ok: false,
    status: 422,
    message: "The photo stays larger than 4 MB after compression; export it smaller.",
  };
}
