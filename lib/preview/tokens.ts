import { jwtVerify, SignJWT } from "jose";
import { readConfig } from "../config";
import { isSameSecret, localSecret } from "../local-secret";

/**
 * Preview tokens: compact JWS (HS256, RFC 7515/7519) that let an editor preview one article.
 * Two kinds, told apart by their audience so one can never stand in for the other:
 * - a link token (`herald:preview-link`), put in /api/draft?token=… by `npm run preview-link`;
 * - a session token (`herald:preview-session`), kept in an HttpOnly cookie once preview is on.
 * Both name the article (`sub`) and expire (`exp`, default 24 hours). The key is DRAFT_SECRET.
 */
export const PREVIEW_LINK_AUDIENCE = "herald:preview-link";
export const PREVIEW_SESSION_AUDIENCE = "herald:preview-session";
export const PREVIEW_COOKIE = "herald_preview";
export const DEFAULT_PREVIEW_SECONDS = 24 * 60 * 60;
const ISSUER = "herald";

/**
 * The preview secret: DRAFT_SECRET when set; otherwise a random secret made on first use and kept
 * beside the database (`preview-secret`), so the site and `npm run preview-link` agree without
 * any set-up (lib/local-secret.ts).
 */
export function previewSecret(env: NodeJS.ProcessEnv = process.env): string {
  return localSecret("preview-secret", readConfig(env));
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * Signs a token for `articleId` (a positive integer) valid for `seconds` (default 24 h) from `now`
 * (ms since the epoch).
 */
export async function signPreviewToken(
  articleId: number,
  audience: typeof PREVIEW_LINK_AUDIENCE | typeof PREVIEW_SESSION_AUDIENCE,
  options: { seconds?: number; now?: number; secret?: string } = {},
): Promise<string> {
  const secret = options.secret ?? previewSecret();
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setSubject(String(articleId))
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.seconds ?? DEFAULT_PREVIEW_SECONDS))
    .sign(keyOf(secret));
}

/**
 * Verifies a token of the given audience: signature (HS256 only), issuer, audience and expiry.
 * Returns the article id and the expiry (seconds since the epoch), or null for any invalid,
 * tampered, expired or foreign token. Never throws.
 */
export async function verifyPreviewToken(
  token: string | null | undefined,
  audience: typeof PREVIEW_LINK_AUDIENCE | typeof PREVIEW_SESSION_AUDIENCE,
  options: { now?: number; secret?: string } = {},
): Promise<{ articleId: number; expiresAt: number } | null> {
  const secret = options.secret ?? previewSecret();
  if (!secret || !token || token.length > 2_000) return null;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience,
      currentDate: options.now === undefined ? undefined : new Date(options.now),
      requiredClaims: ["sub", "exp"],
    });
    const articleId = Number(payload.sub);
    if (!Number.isSafeInteger(articleId) || articleId < 1 || typeof payload.exp !== "number")
      return null;
    return { articleId, expiresAt: payload.exp };
  } catch {
    return null;
  }
}

/** Compares a presented CMS secret with the preview secret in constant time. */
export function isDraftSecret(
  presented: string | null | undefined,
  secret: string | null = previewSecret(),
): boolean {
  return isSameSecret(presented, secret);
}
