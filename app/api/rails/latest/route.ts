import { cachedLatestRail } from "@/lib/cached";
import { RAILS } from "@/lib/rails";

/** GET /api/rails/latest: LATEST NEWS as JSON ({ items, window }), cached and refreshed every 60 s. */
export const revalidate = 60;

export async function GET() {
  return Response.json(await cachedLatestRail(RAILS.latest.size));
}
