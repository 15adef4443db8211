import { isSafeLink } from "./blocks";

/**
 * How a body link is printed: its `rel`, or null when the link must not be printed as a link at
 * all (not http, https or mailto: a stored body was validated, this is the renderer's second
 * check). Links to another host get `rel="nofollow noopener"`: a story links to sources Herald
 * does not vouch for (Google Search Central, "Qualify your outbound links"), and nothing opened
 * from it gets a handle on our page. Links to this site (`siteOrigin`) and mailto: get no rel.
 * Links open in the same tab (no target): the reader decides.
 */
export function bodyLinkRel(href: string, siteOrigin: string): { rel: string | undefined } | null {
  if (!isSafeLink(href)) return null;
  const url = new URL(href);
  if (url.protocol === "mailto:") return { rel: undefined };
  let own: string | null = null;
  try {
    own = new URL(siteOrigin).host;
  } catch {
    own = null;
  }
  return { rel: url.host === own ? undefined : "nofollow noopener" };
}
