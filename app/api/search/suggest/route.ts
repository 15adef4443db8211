import type { NextRequest } from "next/server";
import { readQueryText } from "@/lib/search/params";
import { suggestStories } from "@/lib/news";

/**
 * GET /api/search/suggest?q=…: up to 6 stories whose headline matches what the reader is typing,
 * as JSON `{ suggestions: [{ id, path, headline, headlineParts, publishedAt, section }] }`. Any
 * `q` is safe (no words: an empty list). Cached 30 s, like the rest of the site's public data.
 */
export async function GET(request: NextRequest) {
  const q = readQueryText({ q: request.nextUrl.searchParams.get("q") ?? undefined });
  return Response.json(
    { suggestions: await suggestStories(q) },
    { headers: { "cache-control": "public, max-age=30, s-maxage=30" } },
  );
}
