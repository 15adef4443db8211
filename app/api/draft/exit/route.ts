import { cookies, draftMode } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db/connection";
import { PREVIEW_COOKIE } from "@/lib/preview/tokens";
import { getArticleState } from "@/lib/queries/article-state";

/**
 * POST /api/draft/exit (the preview banner's "Exit preview" button; a POST, so no link or
 * prefetch can end a preview): turns Draft Mode off, deletes the preview session and redirects
 * (303) to the article if readers can see it, else to the front page.
 */
const formSchema = z.object({
  articleId: z
    .string()
    .regex(/^[1-9][0-9]{0,14}$/)
    .transform(Number),
});

export async function POST(request: Request) {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  let target = "/";
  const form = formSchema.safeParse(
    Object.fromEntries(await request.formData().catch(() => new FormData())),
  );
  if (form.success) {
    const state = await getArticleState(
      await getDb(),
      form.data.articleId,
      new Date().toISOString(),
    );
    if (state?.state === "public") target = `/article/${form.data.articleId}/${state.slug}`;
  }
  return new Response(null, {
    status: 303,
    headers: { location: target, "cache-control": "no-store" },
  });
}
