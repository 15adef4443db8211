import { notFound, permanentRedirect } from "next/navigation";
import { getLegacyArticlePath } from "@/lib/news";
import { legacyArticleIdSchema, single } from "@/lib/urls";

/**
 * The earlier site's article URL, /view.php?ud=YYYYMMDD000NNN: a permanent redirect (308) to the
 * article's canonical URL, so links and search ranking carry over. Unknown or malformed ids are 404s.
 * proxy.ts answers these URLs before the router, in one redirect with any other change of spelling
 * (lib/proxy/canonical.ts); this route says the URL exists, and answers alike if one reaches it.
 */
export default async function LegacyArticle({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ud = legacyArticleIdSchema.safeParse(single((await searchParams).ud));
  const path = ud.success ? await getLegacyArticlePath(ud.data) : null;
  if (!path) notFound();
  permanentRedirect(path);
}
