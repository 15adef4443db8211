import type { MetadataRoute } from "next";
import { robotsFile } from "@/lib/seo/robots";
import { absoluteUrl } from "@/lib/urls";

/** GET /robots.txt (lib/seo/robots.ts). Re-rendered every 30 s, so it follows HERALD_SITE_URL. */
export const revalidate = 30;

export default function robots(): MetadataRoute.Robots {
  return robotsFile(absoluteUrl);
}
