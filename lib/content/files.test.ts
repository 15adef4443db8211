import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseContentJson, parseImages, readImagesFile } from "./files";

const photo = {
  file: "x.jpg",
  width: 1600,
  height: 900,
  alt: "A lake with a pier.",
  caption: "A lake.",
  credit: "Someone (CC BY 4.0)",
  licence: "CC BY 4.0",
  source: "somewhere",
};

describe("parseContentJson", () => {
  it("refuses a content file with text that is not valid Unicode, naming the file and field", () => {
    expect(() => parseContentJson("images.json", '[{"caption": "Seoul \\ud800"}]')).toThrow(
      'content/images.json: 0.caption: not valid Unicode: lone surrogate U+D800 at character 7, after "Seoul "',
    );
    expect(parseContentJson("images.json", '[{"caption": "서울 🇰🇷"}]')).toEqual([
      { caption: "서울 🇰🇷" },
    ]);
  });
});

describe("parseImages", () => {
  it("flags a photo without alt text, naming the file, the entry and the field", () => {
    expect(() => parseImages([photo, { ...photo, file: "no-alt.jpg", alt: "   " }])).toThrow(
      'content/images.json: "no-alt.jpg" (entry 2) alt: no alt text: describe what the photo shows',
    );
    expect(() => parseImages([{ ...photo, alt: undefined }])).toThrow(/"x.jpg" \(entry 1\) alt: /);
  });

  it("accepts photos with alt text", () => {
    expect(parseImages([photo])).toEqual([photo]);
  });
});

describe("the default photographs", async () => {
  const images = readImagesFile();
  const configUrl = pathToFileURL(path.join(process.cwd(), "next.config.js")).href;
  const nextConfig = ((await import(configUrl)) as { default: NextConfig }).default;
  const limit = nextConfig.images?.maximumResponseBody ?? 0;

  it("every photo in content/images.json has alt text, its file, and its real width and height", async () => {
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const file = path.join(process.cwd(), "public", "images", "photos", image.file);
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height], image.file).toEqual([image.width, image.height]);
      expect(image.alt.trim().length, image.file).toBeGreaterThan(10);
    }
  });

  it("the image optimizer's response-size limit is set, and every photo fits under it", () => {
    expect(limit).toBeGreaterThan(0);
    expect(limit).toBeLessThanOrEqual(10_000_000);
    for (const image of images) {
      const file = path.join(process.cwd(), "public", "images", "photos", image.file);
      expect(fs.statSync(file).size, image.file).toBeLessThan(limit);
    }
  });
});
