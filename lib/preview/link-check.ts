import { randomBytes } from "node:crypto";
import type { NewsroomStore } from "../news/newsroom-store";
import type { PreviewGrant } from "./tokens";

/**
 * Whether a verified preview token still stands (issue 17: a revoked link stops working at once,
 * for someone already previewing too). A token naming a preview_links row (`jti`) stands while
 * that row exists for the same article and revision, is not revoked and has not expired; a token
 * made before links were stored (no `jti`) stands on its signature and expiry alone, 24 hours at
 * most. `now`: ms since the epoch.
 */
export async function isGrantLive(
  newsroom: Pick<NewsroomStore, "previewLink">,
  grant: PreviewGrant,
  now: number,
): Promise<boolean> {
  if (grant.expiresAt * 1000 <= now) return false;
  if (grant.linkId === null) return true;
  const link = await newsroom.previewLink(grant.linkId);
  return (
    link !== null &&
    link.articleId === grant.articleId &&
    link.revision === grant.revision &&
    link.revokedAt === null &&
    Date.parse(link.expiresAt) > now
  );
}

/**
 * A new preview link id: 128 random bits in hex (a lib/preview/tokens.ts LINK_ID). Hex, not
 * base64url, so an id never starts with "-" and reads as an option to `npm run preview-link --
 * --revoke ID`.
 */
export function newLinkId(): string {
  return randomBytes(16).toString("hex");
}
