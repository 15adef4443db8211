import type { ArticleState } from "@/lib/domain";
import { KstTime } from "../ui/KstTime";

/**
 * The editor's banner on a previewed article: what readers would see now ("Preview: not
 * published", the planned publication time of a scheduled story, that the page shows pending
 * changes to a published story, or that the story is withdrawn), the newsroom revision shown,
 * and an "Exit preview" button that POSTs to /api/draft/exit. `state` is lib/news PreviewState
 * (an ArticleState with the revision shown and whether it is pending).
 */
export function PreviewBanner({
  articleId,
  state,
}: {
  articleId: number;
  state: ArticleState & { revision?: number | null; pendingChanges?: boolean };
}) {
  const pending = state.pendingChanges === true && state.state === "public";
  const scheduled = state.state === "unpublished" && state.status !== "draft" && state.publishedAt;
  return (
    <div role="region" aria-label="Preview" className="border-b-4 border-kicker bg-paper no-print">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <p className="font-bold">
          {pending &&
            "Preview: pending changes to a published story (readers see the published version)"}
          {state.state === "public" && !pending && "Preview: published (this is what readers see)"}
          {state.state === "withdrawn" && "Preview: withdrawn (readers get 410 Gone)"}
          {state.state === "unpublished" && "Preview: not published"}
          {scheduled && (
            <span className="font-normal">
              {" "}
              · scheduled for <KstTime iso={state.publishedAt!} /> KST
            </span>
          )}
          {state.status === "draft" && <span className="font-normal"> · draft</span>}
          {state.revision != null && (
            <span className="font-normal"> · revision {state.revision}</span>
          )}
        </p>
        <form method="post" action="/api/draft/exit">
          <input type="hidden" name="articleId" value={articleId} />
          <button
            type="submit"
            className="min-h-11 border border-ink px-4 font-semibold hover:underline"
          >
            Exit preview
          </button>
        </form>
      </div>
    </div>
  );
}
