import { getStoryState, recordPageView } from "@/lib/news";
import { viewEndpoint } from "@/lib/page-views/endpoint";

/**
 * POST /api/views {"articleId": 123, "ticket": "…"}: counts a page view for MOST POPULAR (sent by
 * the article page's ViewBeacon). The rules (ticket, signed reader cookie, rate limits per client
 * address, answers) are in lib/page-views/endpoint.ts; docs/decisions/020 explains them.
 * Answers 200 {"counted": bool, "reason"?}, 400 for a malformed body, 403 for a foreign Origin,
 * 404 for a story that is not public, 429 with Retry-After when rate-limited, 503 with
 * Retry-After when the database fails.
 */
export const POST = viewEndpoint({
  record: recordPageView,
  isPublic: async (articleId) => (await getStoryState(articleId))?.state === "public",
});
