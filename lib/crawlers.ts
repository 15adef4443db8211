/**
 * Tells crawlers, link-preview fetchers and headless tools from readers by their User-Agent, so
 * they are not counted as page views. Matches the self-declared tokens used by search engines
 * ("Googlebot", "bingbot"), social previews ("facebookexternalhit", "Slackbot", "Twitterbot"),
 * feed readers, HTTP libraries ("curl", "python-requests") and monitoring tools. A missing
 * User-Agent counts as a crawler. Pattern after the crawler-user-agents project's common tokens.
 */
const CRAWLER_PATTERN =
  /(?<!cu)bot\b|(?<!cu)bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|embedly|preview|whatsapp|telegram|discord|mediapartners|adsbot|lighthouse|pagespeed|headlesschrome|phantomjs|curl\/|wget|python-requests|python-urllib|httpclient|okhttp|go-http-client|node-fetch|axios|feedfetcher|feedly|monitor|uptime|pingdom|archive\.org_bot|ia_archiver/i;

/** True when the User-Agent belongs to a crawler or tool rather than a reader's browser. */
export function isCrawler(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.trim() === "") return true;
  return CRAWLER_PATTERN.test(userAgent);
}
