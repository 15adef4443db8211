import { getPublication, getSectionTree } from "@/lib/news";
import { renderCard } from "@/lib/og/card";
import { frontCardContent } from "@/lib/og/front-card";

/**
 * GET /og/front (the home page), /og/front/{section} and /og/front/{section}/{subsection}: the
 * 1200×630 PNG share card of a front (lib/og/paths.ts builds these paths), in the layout of
 * lib/og/card.tsx: the masthead with the tagline, or the section's name with the masthead.
 * Anything but a front is a 404. Cached for an hour: a card changes with section names only.
 */
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ segments?: string[] }> },
) {
  const { segments } = await params;
  const [publication, tree] = await Promise.all([getPublication(), getSectionTree()]);
  const content = frontCardContent(segments, publication, tree);
  if (!content)
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return renderCard(content);
}
