import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedSegmentsSchema, PHOTO_DIR, photoBytes } from "./feed-data";
import { xmlText } from "./feeds";

describe("feedSegmentsSchema", () => {
  it("reads one or two section slugs, the last with '.xml'", () => {
    expect(feedSegmentsSchema.parse(["national.xml"])).toEqual(["national"]);
    expect(feedSegmentsSchema.parse(["national", "politics.xml"])).toEqual([
      "national",
      "politics",
    ]);
    expect(feedSegmentsSchema.parse(["life-style", "food-beverage.xml"])).toEqual([
      "life-style",
      "food-beverage",
    ]);
  });

  it.each([
    [[]],
    [["national"]],
    [["national.xml", "politics.xml"]],
    [["national.xml", "politics"]],
    [["a", "b", "c.xml"]],
    [[".xml"]],
    [["National.xml"]],
    [["national.xml.xml"]],
    [["national.rss"]],
    [["nat ional.xml"]],
    [["../etc.xml"]],
  ])("rejects %j", (segments) => {
    expect(feedSegmentsSchema.safeParse(segments).success).toBe(false);
  });
});

describe("photoBytes", () => {
  it("gives the size of a photograph, or null when it is missing", () => {
    const file = "bison-caprock-canyons.jpg";
    expect(photoBytes(`/images/photos/${file}`)).toBe(fs.statSync(path.join(PHOTO_DIR, file)).size);
    expect(photoBytes("/images/photos/no-such-photo.jpg")).toBeNull();
    expect(photoBytes("/images/photos/")).toBeNull();
  });

  it("gives null for an uploaded photo, even when a file of public/ has its name", () => {
    expect(photoBytes("/media/12/bison-caprock-canyons.jpg")).toBeNull();
  });
});

describe("xmlText", () => {
  it("drops characters XML forbids and pre-escapes '&' for xml-js, nothing else", () => {
    expect(xmlText("A\u0000&B\uFFFE <c> &amp; 한국 🇰🇷")).toBe("A&amp;B <c> &amp;amp; 한국 🇰🇷");
  });
});
