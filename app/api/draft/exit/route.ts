import { cookies, draftMode } from "next/headers";
import { z } from "zod";
import { getStoryStateNow } from "@/lib/news";
import { PREVIEW_COOKIE } from "@/lib/preview/tokens";
import { articleIdSchema, articlePath } from "@/lib/urls";

/**
 * POST /api/draft/exit (the preview banner's "Exit preview" button; a POST, so no link or
 * prefetch can end a preview): turns Draft Mode off, deletes the preview session and redirects
 * (303) to the article if readers can see it, else to the front page.
 */
const formSchema = z.object({
  articleId: articleIdSchema,
});

export async function POST(request: Request) {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  let target = "/";
  const form = formSchema.safeParse(
    Object.fromEntries(await request.formData().catch(() => new FormData())),
  );
  if (form.success) {
    const state = await getStoryStateNow(form.data.articleId);
    if (state?.state === "public") target = articlePath(form.data.articleId, state.slug);
  }
  return new Response(null, {
    status: 303,
    headers: { location: target, "cache-control": "no-store" },
  });
}
