import { articleIdSchema } from "@/lib/urls";
import { getArticle, getPublication } from "@/lib/news";
import { renderCard } from "@/lib/og/card";

/**
 * GET /og/article/{id}: a 1200×630 PNG card (section, headline, publication name) for sharing an
 * article that has no photo of its own, in the layout of lib/og/card.tsx. Public articles only:
 * anything else is a 404. Rendered offline with the bundled fonts (lib/og/fonts.ts: Latin, Greek,
 * Cyrillic, Hangul, Han, Arabic); characters none of them has (emoji) are left out of the card
 * rather than fetched from the network. Cached for an hour: a card changes with its headline only.
 */
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = articleIdSchema.safeParse((await params).id);
  const article = id.success ? await getArticle(id.data) : null;
  if (!article)
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const publication = await getPublication();
  return renderCard({
    kicker: article.section.name,
    title: article.headline,
    footer: publication.name,
  });
}
