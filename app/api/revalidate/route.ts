import { z } from "zod";
import { ALL_TAGS, isRevalidateSecret, refreshTags } from "@/lib/news";

/**
 * POST /api/revalidate {"tags": ["articles"]} with `Authorization: Bearer REVALIDATE_SECRET`:
 * how the command-line tools (`npm run import`, `npm run withdraw`) tell this running server
 * what they changed, so readers see it at once (lib/news/refresh.ts). Answers 200
 * {"revalidated": tags}, 401 without the secret, 400 for tags it does not know. Never cached.
 */
const bodySchema = z.object({ tags: z.array(z.enum(ALL_TAGS)).min(1).max(ALL_TAGS.length) });
const noStore = { "cache-control": "private, no-store" };

export async function POST(request: Request) {
  if (!isRevalidateSecret(request.headers.get("authorization"))) {
    return Response.json(
      { error: "A revalidation request needs the revalidation secret." },
      { status: 401, headers: noStore },
    );
  }
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    return Response.json(
      { error: `The body must be {"tags": [...]} with tags from: ${ALL_TAGS.join(", ")}.` },
      { status: 400, headers: noStore },
    );
  }
  const outcome = await refreshTags(body.data.tags);
  return Response.json({ revalidated: outcome.tags }, { headers: noStore });
}
