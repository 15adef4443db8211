import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_PADDING, CARD_WIDTH, renderCard, type CardContent } from "./card";

/**
 * The share card drawn for real (satori and resvg, as the routes do) and decoded with sharp:
 * headlines in Korean, Chinese and Arabic put ink on the card where the same card with an empty
 * headline has none; a long unbroken word wraps and leaves the margins blank.
 */

type Pixels = { data: Buffer; width: number; height: number };

async function draw(content: CardContent): Promise<Pixels> {
  const png = Buffer.from(await renderCard(content).arrayBuffer());
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  return { data: stripAlpha(data, info.channels), width: info.width, height: info.height };
}

function stripAlpha(data: Buffer, channels: number): Buffer {
  const rgb = Buffer.alloc((data.length / channels) * 3);
  for (let i = 0, j = 0; i < data.length; i += channels, j += 3) data.copy(rgb, j, i, i + 3);
  return rgb;
}

const isInk = ({ data, width }: Pixels, x: number, y: number) => {
  const i = (y * width + x) * 3;
  return data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200;
};

/** The ink pixels of `pixels` inside the rectangle, and the box they fill. */
function ink(pixels: Pixels, x0 = 0, y0 = 0, x1 = pixels.width, y1 = pixels.height) {
  let count = 0;
  const box = { left: x1, right: -1, top: y1, bottom: -1 };
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (isInk(pixels, x, y)) {
        count++;
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x);
        box.top = Math.min(box.top, y);
        box.bottom = Math.max(box.bottom, y);
      }
  return { count, ...box };
}

/** Pixels where two cards differ. */
function difference(a: Pixels, b: Pixels): number {
  let count = 0;
  for (let i = 0; i < a.data.length; i += 3)
    if (
      a.data[i] !== b.data[i] ||
      a.data[i + 1] !== b.data[i + 1] ||
      a.data[i + 2] !== b.data[i + 2]
    )
      count++;
  return count;
}

const card = (title: string): CardContent => ({
  kicker: "World",
  title,
  footer: "The Korea Herald",
});

describe("the share card", () => {
  it.each([
    ["Korean", "서울시, 내년부터 지하철 요금 150원 인상"],
    ["Chinese", "中国经济增长放缓，政府出台新一轮刺激措施"],
    ["Arabic", "الرئيس الكوري يزور القاهرة لبحث التعاون الاقتصادي"],
  ])("draws a %s headline", async (_script, headline) => {
    const [withHeadline, empty] = await Promise.all([draw(card(headline)), draw(card(""))]);
    // A line of 64-pixel glyphs inks thousands of pixels; a card without them differs in none.
    expect(difference(withHeadline, empty)).toBeGreaterThan(5_000);
  });

  it("lays an Arabic headline out from the right margin", async () => {
    const pixels = await draw(card("الرئيس الكوري يزور القاهرة"));
    const title = ink(pixels, 0, 150, CARD_WIDTH, 450);
    // Ink reaches the right margin; a left-to-right layout would start at the left one.
    expect(title.right).toBeGreaterThan(CARD_WIDTH - CARD_PADDING - 20);
    expect(title.left).toBeGreaterThan(CARD_PADDING + 200);
  });

  it("keeps a Latin headline at the left margin", async () => {
    const pixels = await draw(card("Seoul to expand subway lines"));
    expect(ink(pixels, 0, 150, CARD_WIDTH, 450).left).toBeLessThan(CARD_PADDING + 10);
  });

  it("wraps a long unbroken word and draws nothing in the margins", async () => {
    const word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3);
    const pixels = await draw(card(word));
    const title = ink(pixels, 0, 150, CARD_WIDTH, 450);
    expect(title.count).toBeGreaterThan(5_000);
    // More than two lines of 64-pixel type: the word was broken, not clipped to one line.
    expect(title.bottom - title.top).toBeGreaterThan(150);
    expect(ink(pixels, CARD_WIDTH - CARD_PADDING, 0).count).toBe(0);
    expect(ink(pixels, 0, 0, CARD_PADDING).count).toBe(0);
    expect(ink(pixels, 0, 0, CARD_WIDTH, CARD_PADDING).count).toBe(0);
    expect(ink(pixels, 0, CARD_HEIGHT - CARD_PADDING).count).toBe(0);
  });

  it("leaves out characters no bundled font has, without going to the network", async () => {
    const [withEmoji, without] = await Promise.all([
      draw(card("Seoul 🎉 rain")),
      draw(card("Seoul rain")),
    ]);
    expect(difference(withEmoji, without)).toBe(0);
  });
});
