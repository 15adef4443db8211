import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  MAX_SIDE,
  MAX_UPLOAD_BYTES,
  processPhoto,
  readCapped,
  sniffPhotoFormat,
  type ProcessedPhoto,
} from "./photo-pipeline";

/** A noisy-enough photo of `width`×`height` (a gradient), as sharp makes it. */
function canvas(width: number, height: number, alpha = false) {
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      raw[at] = x % 256;
      raw[at + 1] = y % 256;
      raw[at + 2] = (x + y) % 256;
      if (alpha) raw[at + 3] = x < width / 2 ? 255 : 40;
    }
  return sharp(raw, { raw: { width, height, channels } });
}

async function accepted(bytes: Uint8Array): Promise<ProcessedPhoto> {
  const result = await processPhoto(bytes);
  if (!result.ok) throw new Error(`refused: ${result.status} ${result.message}`);
  return result;
}

/** A PNG chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A tiny PNG that declares a `side`×`side` greyscale canvas (a decompression bomb). */
function bombPng(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // 200 rows of zeros: the rest of the canvas is what a decoder would have to make up.
  const rows = deflateSync(Buffer.alloc((side + 1) * 200));
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", rows),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A RIFF chunk (padded to an even length). */
function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, "latin1");
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

/** A 24-bit little-endian number. */
const u24 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff]);

/** An animated WebP of two 20×20 frames, built by hand (VP8X, ANIM, two ANMF) from a still one. */
async function animatedWebp(): Promise<Buffer> {
  const still = await canvas(20, 20).webp({ lossless: true }).toBuffer();
  const frame = still.subarray(12); // the VP8L chunk after "RIFF", size, "WEBP"
  const anmf = () =>
    riffChunk(
      "ANMF",
      Buffer.concat([u24(0), u24(0), u24(19), u24(19), u24(100), Buffer.from([0]), frame]),
    );
  const body = Buffer.concat([
    Buffer.from("WEBP", "latin1"),
    riffChunk("VP8X", Buffer.concat([Buffer.from([0x02, 0, 0, 0]), u24(19), u24(19)])),
    riffChunk("ANIM", Buffer.alloc(6)),
    anmf(),
    anmf(),
  ]);
  const head = Buffer.alloc(8);
  head.write("RIFF", 0, "latin1");
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

describe("the upload pipeline", () => {
  it("strips EXIF (GPS position included) from a JPEG and turns it upright", async () => {
    const input = await canvas(300, 200)
      .jpeg()
      .withExif({
        IFD0: { Copyright: "Secret Owner" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "37/1 33/1 59/1",
          GPSMapDatum: "SECRET-GPS-DATUM",
        },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString("latin1")).toContain("Secret Owner");
    expect(before.exif?.toString("latin1")).toContain("SECRET-GPS-DATUM");
    expect(before.orientation).toBe(6);

    const photo = await accepted(input);
    expect(photo).toMatchObject({ contentType: "image/jpeg", extension: "jpg" });
    // Orientation 6 is a quarter turn: the stored photo is upright, 200 wide and 300 high.
    expect([photo.width, photo.height]).toEqual([200, 300]);
    const after = await sharp(photo.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    const text = Buffer.from(photo.bytes).toString("latin1");
    expect(text).not.toContain("Exif");
    expect(text).not.toContain("Secret Owner");
    expect(text).not.toContain("SECRET-GPS-DATUM");
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes an opaque PNG as JPEG and keeps a transparent one's alpha as WebP", async () => {
    const opaque = await accepted(await canvas(120, 80).png().toBuffer());
    expect(opaque).toMatchObject({ contentType: "image/jpeg", width: 120, height: 80 });
    const clear = await accepted(await canvas(120, 80, true).png().toBuffer());
    expect(clear).toMatchObject({ contentType: "image/webp", extension: "webp" });
    expect((await sharp(clear.bytes).metadata()).hasAlpha).toBe(true);
  });

  it("takes WebP and AVIF", async () => {
    const webp = await accepted(await canvas(64, 48).webp().toBuffer());
    expect(webp).toMatchObject({ width: 64, height: 48, contentType: "image/jpeg" });
    const avifInput = await canvas(64, 48).avif().toBuffer();
    expect(sniffPhotoFormat(avifInput)).toBe("avif");
    const avif = await accepted(avifInput);
    expect(avif).toMatchObject({ width: 64, height: 48 });
  });

  it("caps the longest side at MAX_SIDE without enlarging small photos", async () => {
    const big = await accepted(await canvas(3000, 1500).jpeg().toBuffer());
    expect([big.width, big.height]).toEqual([MAX_SIDE, MAX_SIDE / 2]);
    const small = await accepted(await canvas(40, 30).jpeg().toBuffer());
    expect([small.width, small.height]).toEqual([40, 30]);
  });

  it("refuses a text file named .jpg, an SVG and a GIF with 415", async () => {
    const text = new TextEncoder().encode("This is not a photo at all, just words.\n".repeat(10));
    expect(await processPhoto(text)).toMatchObject({ ok: false, status: 415 });
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    expect(await processPhoto(svg)).toMatchObject({ ok: false, status: 415 });
    const gif = await canvas(10, 10).gif().toBuffer();
    expect(await processPhoto(gif)).toMatchObject({ ok: false, status: 415 });
  });

  it("refuses a file that starts like a JPEG but is not one with 422", async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 7)]);
    expect(await processPhoto(fake)).toMatchObject({ ok: false, status: 422 });
  });

  it("refuses an animated WebP (two frames)", async () => {
    const animated = await animatedWebp();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    expect(await processPhoto(animated)).toMatchObject({ ok: false, status: 422 });
  });

  it("refuses a decompression bomb (a tiny PNG declaring 30000×30000) and keeps working", async () => {
    const bomb = bombPng(30_000);
    expect(bomb.byteLength).toBeLessThan(100_000);
    const refusal = await processPhoto(bomb);
    expect(refusal).toMatchObject({ ok: false, status: 422 });
    if (!refusal.ok) expect(refusal.message).toMatch(/too many pixels/);
    // The process is unharmed: the next photo goes through.
    expect((await accepted(await canvas(50, 50).png().toBuffer())).width).toBe(50);
  });

  it("refuses 25 MB with 413 without decoding it", async () => {
    const huge = new Uint8Array(25 * 1024 * 1024);
    huge.set([0xff, 0xd8, 0xff]);
    expect(await processPhoto(huge)).toMatchObject({ ok: false, status: 413 });
  });
});

describe("readCapped", () => {
  /** A stream of `count` chunks of 1 MB, counting how many were pulled. */
  function megabytes(count: number) {
    const pulled = { chunks: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled.chunks === count) return controller.close();
        pulled.chunks++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    return { stream, pulled };
  }

  it("stops reading a 25 MB upload soon after the 20 MB limit", async () => {
    const { stream, pulled } = megabytes(25);
    expect(await readCapped(stream, MAX_UPLOAD_BYTES)).toBe("too-large");
    expect(pulled.chunks).toBeLessThanOrEqual(22);
  });

  it("reads a stream under the limit whole", async () => {
    const { stream } = megabytes(3);
    const bytes = await readCapped(stream, MAX_UPLOAD_BYTES);
    expect(bytes).not.toBe("too-large");
    expect((bytes as Uint8Array).byteLength).toBe(3 * 1024 * 1024);
  });
});
