import fs from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";
import { articleIdSchema } from "@/lib/urls";
import { getArticle, getPublication } from "@/lib/news";
import { stripXmlForbidden } from "@/lib/format/xml";

/**
 * GET /og/article/{id}: a 1200×630 PNG card (publication name, section, headline) for sharing an
 * article that has no photo of its own. Public articles only: anything else is a 404. Rendered
 * offline with the bundled DejaVu Serif Bold (assets/fonts); characters the font lacks (Hangul,
 * emoji) are left out of the card rather than fetched from the network. Cached like the pages.
 */
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

const font = fs.readFileSync(path.join(process.cwd(), "assets", "fonts", "DejaVuSerif-Bold.ttf"));

/** Keeps Latin, Greek and Cyrillic text, punctuation and spaces (what DejaVu Serif covers). */
const printable = (text: string) =>
  stripXmlForbidden(text)
    .replace(/[^\u0020-\u024F\u0370-\u03FF\u0400-\u04FF\u2010-\u203A\u20AC]/gu, "")
    .replace(/\s+/g, " ")
    .trim();

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = articleIdSchema.safeParse((await params).id);
  const article = id.success ? await getArticle(id.data) : null;
  if (!article)
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const publication = await getPublication();
  const headline = printable(article.headline);
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        width: "100%",
        height: "100%",
        padding: 72,
        background: "#ffffff",
        color: "#111827",
        fontFamily: "DejaVu Serif",
      }}
    >
      <div
        style={{
          display: "flex",
          fontSize: 34,
          color: "#9f1239",
          textTransform: "uppercase",
          letterSpacing: 2,
        }}
      >
        {printable(article.section.name)}
      </div>
      <div style={{ display: "flex", fontSize: headline.length > 90 ? 52 : 64, lineHeight: 1.15 }}>
        {headline}
      </div>
      <div
        style={{ display: "flex", fontSize: 36, borderTop: "4px solid #111827", paddingTop: 24 }}
      >
        {printable(publication.name)}
      </div>
    </div>,
    {
      width: 1200,
      height: 630,
      fonts: [{ name: "DejaVu Serif", data: font, weight: 700, style: "normal" }],
    },
  );
}
