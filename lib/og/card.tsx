import type { CSSProperties } from "react";
import { ImageResponse } from "next/og";
import { visualArabic } from "./arabic-shaping";
import { CARD_FONTS, CARD_FONT_FAMILY, cardText, isDrawable } from "./fonts";
import { isRightToLeft, rightToLeftPieces } from "./rtl";

/**
 * The one layout of Herald's generated share cards (1200×630 PNG, Open Graph's and X's large
 * image): a kicker in the house red at the top, a title, and a rule with a footer line at the
 * foot. The article card (/og/article/{id}) and the front cards (/og/front/...) both draw it.
 * Rendered offline by Next.js's ImageResponse (satori) with the fonts of lib/og/fonts.ts.
 *
 * Nothing runs off the card: a word longer than a line breaks (`word-break: break-word`), a title
 * longer than its lines ends in an ellipsis, kicker and footer keep to one line each.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The card's margin on every side, in pixels: nothing is drawn in it but the background. */
export const CARD_PADDING = 72;
export const CARD_BACKGROUND = "#ffffff";

export type CardContent = {
  /** The small line above the title (a section's name); may be empty. */
  kicker: string;
  /** The big text: a headline, a section's name, the publication's name. */
  title: string;
  /** The line under the rule at the foot (the publication's name, or its tagline). */
  footer: string;
  /** "headline" (default) sizes the title for a sentence, "name" for a few words. */
  titleStyle?: "headline" | "name";
};

/** Title font size and the most lines it may take, from its length and style. */
function titleMetrics(title: string, style: CardContent["titleStyle"]) {
  if (style === "name") return { fontSize: 96, lines: 2 };
  return title.length > 90 ? { fontSize: 52, lines: 5 } : { fontSize: 64, lines: 4 };
}

const LINE_HEIGHT = 1.15;

const oneLine: CSSProperties = {
  display: "block",
  whiteSpace: "nowrap",
  overflow: "hidden",
  textOverflow: "ellipsis",
};

/** The title: one block of text left to right, or pieces laid out from the right (lib/og/rtl.ts). */
function Title({ text, style }: { text: string; style: CardContent["titleStyle"] }) {
  const { fontSize, lines } = titleMetrics(text, style);
  const box: CSSProperties = {
    fontSize,
    lineHeight: LINE_HEIGHT,
    maxHeight: Math.ceil(fontSize * LINE_HEIGHT * lines),
    overflow: "hidden",
    wordBreak: "break-word",
  };
  if (!isRightToLeft(text))
    return (
      <div style={{ ...box, display: "block", lineClamp: lines }}>
        {visualArabic(text, isDrawable)}
      </div>
    );
  return (
    <div
      style={{
        ...box,
        display: "flex",
        flexDirection: "row-reverse",
        flexWrap: "wrap",
        columnGap: Math.round(fontSize * 0.3),
      }}
    >
      {rightToLeftPieces(text).map((piece, i) => (
        <span key={i} style={{ maxWidth: "100%", wordBreak: "break-word" }}>
          {visualArabic(piece, isDrawable)}
        </span>
      ))}
    </div>
  );
}

/** The card for `content`, as the PNG response of a route (or, in tests, its bytes). */
export function renderCard(content: CardContent): ImageResponse {
  const kicker = visualArabic(cardText(content.kicker), isDrawable);
  const title = cardText(content.title);
  const footer = visualArabic(cardText(content.footer), isDrawable);
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        width: "100%",
        height: "100%",
        padding: CARD_PADDING,
        background: CARD_BACKGROUND,
        color: "#111827",
        fontFamily: CARD_FONT_FAMILY,
      }}
    >
      <div
        style={{
          ...oneLine,
          fontSize: 34,
          color: "#9f1239",
          textTransform: "uppercase",
          letterSpacing: 2,
        }}
      >
        {kicker}
      </div>
      <Title text={title} style={content.titleStyle} />
      <div style={{ display: "flex", borderTop: "4px solid #111827", paddingTop: 24 }}>
        <div style={{ ...oneLine, fontSize: 36 }}>{footer}</div>
      </div>
    </div>,
    { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: CARD_FONTS },
  );
}
