import type { Publication, SectionNode } from "../domain";
import { sectionPath, sectionSegmentsSchema } from "../urls";
import type { CardContent } from "./card";

/** The line under the masthead on the home page's card. */
export const HOME_TAGLINE = "News from Korea and the world";

/**
 * What the share card of a front says (lib/og/card.tsx), from the front's path segments as the
 * route /og/front/[[...segments]] receives them: none for the home page (the masthead and the
 * tagline), ["national"] or ["national", "politics"] for a section front (the section's name,
 * its parent's above it, the masthead below). Null for anything that is not a front of `tree`.
 */
export function frontCardContent(
  segments: string[] | undefined,
  publication: Publication,
  tree: SectionNode[],
): CardContent | null {
  if (segments === undefined || segments.length === 0)
    return { kicker: "", title: publication.name, footer: HOME_TAGLINE, titleStyle: "name" };
  const parsed = sectionSegmentsSchema.safeParse(segments);
  if (!parsed.success) return null;
  const [top, child] = parsed.data;
  const section = tree.find((node) => node.path === sectionPath(top!));
  if (!section) return null;
  if (child === undefined)
    return { kicker: "", title: section.name, footer: publication.name, titleStyle: "name" };
  const subsection = section.children.find((node) => node.path === sectionPath(top!, child));
  if (!subsection) return null;
  return {
    kicker: section.name,
    title: subsection.name,
    footer: publication.name,
    titleStyle: "name",
  };
}
