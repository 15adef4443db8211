import { previewSecret, PREVIEW_LINK_AUDIENCE, signPreviewToken } from "../../lib/preview/tokens";
import { E2E_DB_PATH } from "./env";

/**
 * A signed preview link for the suite's server, made the way `npm run preview-link` makes one:
 * with the secret the server keeps beside its database (no DRAFT_SECRET is set in the suite).
 */
export async function previewLink(
  articleId: number,
  options: { seconds?: number; now?: number } = {},
): Promise<string> {
  const secret = previewSecret({
    ...process.env,
    HERALD_DATABASE_PATH: E2E_DB_PATH,
    DRAFT_SECRET: "",
  });
  const token = await signPreviewToken(articleId, PREVIEW_LINK_AUDIENCE, { ...options, secret });
  return `/api/draft?token=${encodeURIComponent(token)}`;
}
