import { getMostPopularRail } from "@/lib/news";
import { RAILS } from "@/lib/rails";

/** GET /api/rails/most-popular: MOST POPULAR as JSON ({ items, window }), cached and refreshed every 30 s. */
export const revalidate = 30;

export async function GET() {
  return Response.json(await getMostPopularRail(RAILS.mostPopular.size));
}
