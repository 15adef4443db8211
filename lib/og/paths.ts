/**
 * The URLs of the generated share cards (routes under app/og/). The article card's path is
 * ogImagePath in lib/seo/page-metadata.ts: "/og/article/{id}".
 */

/** The prefix of the front cards' paths. */
export const FRONT_CARD_PREFIX = "/og/front";

/**
 * Path of the share card of a front, from the front's path: frontCardPath("/") → "/og/front"
 * (the home page), frontCardPath("/national") → "/og/front/national",
 * frontCardPath("/national/politics") → "/og/front/national/politics".
 */
export function frontCardPath(frontPath: string): string {
  return frontPath === "/" ? FRONT_CARD_PREFIX : `${FRONT_CARD_PREFIX}${frontPath}`;
}
