import { notFound, permanentRedirect } from "next/navigation";
import { getLegacySectionPath } from "@/lib/news";
import { legacySectionCodeSchema, single } from "@/lib/urls";

/**
 * The earlier site's section list, /list.php?ct=CODE: a permanent redirect (308) to the section
 * front, for the codes in the publication's legacy_section_codes. Unknown or malformed codes are 404s.
 * proxy.ts answers these URLs before the router, in one redirect with any other change of spelling
 * (lib/proxy/canonical.ts); this route says the URL exists, and answers alike if one reaches it.
 */
export default async function LegacySectionList({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ct = legacySectionCodeSchema.safeParse(single((await searchParams).ct));
  const path = ct.success ? await getLegacySectionPath(ct.data) : null;
  if (!path) notFound();
  permanentRedirect(path);
}
