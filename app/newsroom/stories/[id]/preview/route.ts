import { getStoryStateNow, startPreviewSession } from "@/lib/news";
import { staffPreviewGrant } from "@/lib/newsroom/preview-links";
import { staffForRequest } from "@/lib/newsroom/session";
import { articleIdSchema, articlePath } from "@/lib/urls";

/**
 * GET /newsroom/stories/[id]/preview (the editor's "Preview"): for an editor, or the writer of
 * the story, turns on Draft Mode plus a preview session (an hour) for the story's latest revision
 * and redirects (303) to the story's public path, built from the database, never from the query
 * string. No session: 401; another writer's story: 403; unknown story: 404. No cookie is set
 * unless preview starts.
 */
export const dynamic = "force-dynamic";

const answer = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
  });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await staffForRequest(request);
  if (staff instanceof Response) return staff;
  const id = articleIdSchema.safeParse((await params).id);
  if (!id.success) return answer(404, "There is no such story.");
  const grant = await staffPreviewGrant(staff, id.data);
  if (grant === null) return answer(404, "There is no such story.");
  if ("ok" in grant) return answer(403, grant.message);
  const state = await getStoryStateNow(id.data);
  if (!state) return answer(404, "There is no such story.");
  await startPreviewSession(grant, new URL(request.url).protocol === "https:");
  return new Response(null, {
    status: 303,
    headers: { location: articlePath(id.data, state.slug), "cache-control": "private, no-store" },
  });
}
