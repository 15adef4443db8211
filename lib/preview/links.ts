import { z } from "zod";
import type { NewsroomStore, PreviewLinkRow } from "../news/newsroom-store";
import { absoluteUrl } from "../urls";
import { newLinkId } from "./link-check";
import { PREVIEW_LINK_AUDIENCE, signPreviewToken } from "./tokens";

/**
 * Making shareable preview links (issue 17, "Share preview"), shared by the newsroom
 * (lib/newsroom/preview-links.ts) and `npm run preview-link`: a preview_links row plus a signed
 * link token naming it (`jti`), so the link can be listed on its story and revoked at once.
 */

/** How long a link may be valid, in hours: 1 hour to 7 days; 24 hours when not chosen. */
export const linkHoursSchema = z.coerce
  .number()
  .int("Choose a whole number of hours")
  .min(1, "A preview link lasts at least 1 hour")
  .max(7 * 24, "A preview link lasts at most 7 days");
export const DEFAULT_LINK_HOURS = 24;

/** The URL of a link token: the site's /api/draft?token=… (HERALD_SITE_URL). */
export const previewUrl = (token: string) =>
  absoluteUrl(`/api/draft?token=${encodeURIComponent(token)}`);

/**
 * Stores a link to story `articleId` (revision `revision`, or null for its latest) valid `hours`
 * from `now` (ms since the epoch), made by staff id `createdBy` (null: the command line), and
 * returns its id, URL and expiry. The caller checks the role, the story and the hours.
 */
export async function makePreviewLink(
  newsroom: Pick<NewsroomStore, "createPreviewLink">,
  link: { articleId: number; revision: number | null; hours: number; createdBy: string | null },
  now: number = Date.now(),
  secret?: string,
): Promise<{ id: string; url: string; expiresAt: string }> {
  const id = newLinkId();
  const seconds = link.hours * 3600;
  const expiresAt = new Date(Math.floor(now / 1000) * 1000 + seconds * 1000).toISOString();
  await newsroom.createPreviewLink({
    id,
    articleId: link.articleId,
    revision: link.revision,
    createdBy: link.createdBy,
    createdAt: new Date(now).toISOString(),
    expiresAt,
  });
  const token = await signPreviewToken(link.articleId, PREVIEW_LINK_AUDIENCE, {
    seconds,
    now,
    secret,
    linkId: id,
    revision: link.revision,
  });
  return { id, url: previewUrl(token), expiresAt };
}

/** Where a link stands at `now` (ms since the epoch): what the story's list of links says. */
export function linkState(link: PreviewLinkRow, now: number): "active" | "expired" | "revoked" {
  if (link.revokedAt !== null) return "revoked";
  return Date.parse(link.expiresAt) > now ? "active" : "expired";
}
