import { cachedMostPopularRail } from "@/lib/cached";
import { RAILS } from "@/lib/rails";

/** GET /api/rails/most-popular: MOST POPULAR as JSON ({ items, window }), cached and refreshed every 30 s. */
export const revalidate = 30;

export async function GET() {
  return Response.json(await cachedMostPopularRail(RAILS.mostPopular.size));
}
