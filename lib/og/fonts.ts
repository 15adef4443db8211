import fs from "node:fs";
import path from "node:path";
import { stripXmlForbidden } from "../format/xml";
import { fontCodePoints } from "./cmap";

/**
 * The fonts of the generated share cards (lib/og/card.tsx), read once from assets/fonts
 * (README.md there says what each covers, where it comes from and its licence). Satori draws a
 * character with the first font of CARD_FONTS that has it: DejaVu Serif Bold, the house face,
 * for Latin, Greek and Cyrillic; then Noto subsets for Hangul, Han (with kana) and Arabic.
 *
 * Nothing is ever fetched: a character no file has would make Next.js's ImageResponse ask a web
 * font service for it, so cardText() leaves such characters (emoji, Thai, a rare hanja) out.
 */

/** The font family a card's style names; the others are satori's fallbacks, in order. */
export const CARD_FONT_FAMILY = "DejaVu Serif";

const FILES = [
  { name: CARD_FONT_FAMILY, file: "DejaVuSerif-Bold.ttf" },
  { name: "Noto Sans CJK KR", file: "NotoSansCJKkr-Bold-Hangul.otf" },
  { name: "Noto Sans CJK SC", file: "NotoSansCJKsc-Bold-Han.otf" },
  { name: "Noto Naskh Arabic", file: "NotoNaskhArabic-Bold-Arabic.ttf" },
] as const;

const loaded = FILES.map(({ name, file }) => {
  const data = fs.readFileSync(path.join(process.cwd(), "assets", "fonts", file));
  return { name, data, codePoints: fontCodePoints(data) };
});

/**
 * The `fonts` option of ImageResponse. One array for the life of the process: satori keeps the
 * fonts it has parsed for an array it has seen, so each card does not parse 3 MB of fonts again.
 */
export const CARD_FONTS = loaded.map(({ name, data }) => ({
  name,
  data,
  weight: 700 as const,
  style: "normal" as const,
}));

/** Whether some card font draws the character `char` (one code point). */
export function isDrawable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return loaded.some((font) => font.codePoints.has(code));
}

/**
 * `text` as a card can draw it: characters forbidden in XML and characters no card font has are
 * dropped, runs of white space become one space, and the ends are trimmed.
 */
export function cardText(text: string): string {
  return Array.from(stripXmlForbidden(text).replace(/\s+/g, " "))
    .filter((char) => char === " " || isDrawable(char))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim();
}
