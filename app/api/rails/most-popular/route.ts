import { cachedMostPopularRail } from "@/lib/cached";
import { RAILS } from "@/lib/rails";

/** GET /api/rails/most-popular: MOST POPULAR as JSON ({ items, window }), cached and refreshed every 60 s. */
export const revalidate = 60;

export async function GET() {
  return Response.json(await cachedMostPopularRail(RAILS.mostPopular.size));
}
