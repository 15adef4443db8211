/**
 * `tsx scripts/make-icons.ts`: draws the site's raster icons from app/icon.svg (the "H" of DejaVu
 * Serif Bold, white on the house blue), so every icon is the same mark. Run it after changing
 * the SVG and commit what it writes:
 *
 * - app/favicon.ico: 16, 32 and 48 pixels (PNG images in an ICO file, as every browser since
 *   Internet Explorer 9 reads them), for /favicon.ico;
 * - app/apple-icon.png: 180×180, square and opaque (iOS rounds the corners itself and fills
 *   transparent ones with black);
 * - public/images/logo-square.png: 512×512, square and opaque, the publisher's logo for structured
 *   data (Google asks for at least 112×112).
 */
import fs from "node:fs";
import sharp from "sharp";

const svg = fs.readFileSync("app/icon.svg", "utf8");
/** The same mark without rounded corners, for icons whose corners others shape. */
const squareSvg = svg.replace(/ rx="[^"]*"/, "");

/** `source` drawn as a `size`-pixel square PNG; `opaque` drops the alpha channel. */
async function png(source: string, size: number, opaque = false): Promise<Buffer> {
  const image = sharp(Buffer.from(source), { density: (72 * size) / 64 }).resize(size, size);
  return (opaque ? image.removeAlpha() : image).png({ compressionLevel: 9 }).toBuffer();
}

/** An ICO file holding `images` (PNG, each square and at most 256 pixels wide). */
function icoFile(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png: data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // width (0 means 256)
    entry.writeUInt8(size % 256, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function main() {
  const sizes = [16, 32, 48];
  const icons = await Promise.all(sizes.map(async (size) => ({ size, png: await png(svg, size) })));
  fs.writeFileSync("app/favicon.ico", icoFile(icons));
  fs.writeFileSync("app/apple-icon.png", await png(squareSvg, 180, true));
  fs.writeFileSync("public/images/logo-square.png", await png(squareSvg, 512, true));
  console.log("wrote app/favicon.ico, app/apple-icon.png, public/images/logo-square.png");
}

await main();
