/**
 * Copies the photographs that content/lead-images.json uses from a folder of the shared photo set
 * (with its manifest.json) into public/images/photos, downscaled to at most 1600 px wide, and writes
 * their manifest records (with the new size) to content/images.json.
 *
 * Usage: npx tsx scripts/copy-photos.ts PATH/TO/shared/data/images
 * Run once by a maintainer when the choice of photos changes; the results are committed.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const MAX_WIDTH = 1600;

async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source) throw new Error("usage: tsx scripts/copy-photos.ts SHARED_IMAGES_DIR");
  const manifest = JSON.parse(fs.readFileSync(path.join(source, "manifest.json"), "utf8")) as Array<
    Record<string, unknown> & { file: string }
  >;
  const { assignments } = JSON.parse(fs.readFileSync("content/lead-images.json", "utf8")) as {
    assignments: Array<{ file: string }>;
  };
  const wanted = new Set(assignments.map((a) => a.file));
  const outDir = path.join("public", "images", "photos");
  fs.mkdirSync(outDir, { recursive: true });
  const records = [];
  for (const entry of manifest.filter((m) => wanted.has(m.file))) {
    const info = await sharp(path.join(source, entry.file))
      .rotate()
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toFile(path.join(outDir, entry.file));
    records.push({ ...entry, width: info.width, height: info.height, resized: true });
    console.log(`${entry.file}: ${info.width}x${info.height}, ${info.size} bytes`);
  }
  fs.writeFileSync("content/images.json", `${JSON.stringify(records, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
