import { jwtVerify, SignJWT } from "jose";
import { readConfig } from "../config";
import { isSameSecret, localSecret } from "../local-secret";

/**
 * Preview tokens: compact JWS (HS256, RFC 7515/7519) that let an editor preview one article.
 * Two kinds, told apart by their audience so one can never stand in for the other:
 * - a link token (`herald:preview-link`), put in /api/draft?token=… by `npm run preview-link`;
 * - a session token (`herald:preview-session`), kept in an HttpOnly cookie once preview is on.
 * Both name the article (`sub`) and expire (`exp`, default 24 hours). The key is DRAFT_SECRET.
 * Since issue 17 a link also names its row in `preview_links` (`jti`), which can be revoked, and
 * may name one revision (`rev`; none: the story's latest); the session made from it carries both,
 * so every preview render re-checks the row (lib/news/preview.ts). Tokens without `jti` (made
 * before then) stay valid until they expire, 24 hours at most.
 */
export const PREVIEW_LINK_AUDIENCE = "herald:preview-link";
export const PREVIEW_SESSION_AUDIENCE = "herald:preview-session";
export const PREVIEW_COOKIE = "herald_preview";
export const DEFAULT_PREVIEW_SECONDS = 24 * 60 * 60;
/** The longest a shared preview link may live (issue 17: "editor's choice up to 7 days"). */
export const MAX_PREVIEW_SECONDS = 7 * 24 * 60 * 60;
/** A preview link row's id, as the `jti` claim carries it: random, URL-safe. */
export const LINK_ID = /^[A-Za-z0-9_-]{16,64}$/;
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

/** What a verified preview token grants: one article, maybe one revision, until `expiresAt`. */
export type PreviewGrant = {
  articleId: number;
  /** Seconds since the epoch. */
  expiresAt: number;
  /** The preview_links row it stands for, or null for a token made before links were stored. */
  linkId: string | null;
  /** The revision it shows, or null for the story's latest. */
  revision: number | null;
};

/**
 * Signs a token for `articleId` (a positive integer) valid for `seconds` (default 24 h) from `now`
 * (ms since the epoch); `linkId` becomes `jti` (a {@link LINK_ID}) and `revision` `rev`.
 * Throws on a malformed link id or revision (a programming error).
 */
export async function signPreviewToken(
  articleId: number,
  audience: typeof PREVIEW_LINK_AUDIENCE | typeof PREVIEW_SESSION_AUDIENCE,
  options: {
    seconds?: number;
    now?: number;
    secret?: string;
    linkId?: string | null;
    revision?: number | null;
  } = {},
): Promise<string> {
  const secret = options.secret ?? previewSecret();
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: Record<string, unknown> = {};
  if (options.revision != null) {
    if (!Number.isSafeInteger(options.revision) || options.revision < 1)
      throw new Error(`preview token: bad revision ${options.revision}`);
    claims.rev = options.revision;
  }
  const jwt = new SignJWT(claims);
  if (options.linkId != null) {
    if (!LINK_ID.test(options.linkId)) throw new Error("preview token: bad link id");
    jwt.setJti(options.linkId);
  }
  return jwt
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
 * Returns what it grants ({@link PreviewGrant}), or null for any invalid, tampered, expired or
 * foreign token, or one with a malformed `jti` or `rev`. Never throws. Whether its link row still
 * stands is the caller's check (lib/preview/link-check.ts).
 */
export async function verifyPreviewToken(
  token: string | null | undefined,
  audience: typeof PREVIEW_LINK_AUDIENCE | typeof PREVIEW_SESSION_AUDIENCE,
  options: { now?: number; secret?: string } = {},
): Promise<PreviewGrant | null> {
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
    const { jti, rev } = payload;
    if (jti !== undefined && (typeof jti !== "string" || !LINK_ID.test(jti))) return null;
    if (rev !== undefined && (typeof rev !== "number" || !Number.isSafeInteger(rev) || rev < 1))
      return null;
    return {
      articleId,
      expiresAt: payload.exp,
      linkId: jti ?? null,
      revision: typeof rev === "number" ? rev : null,
    };
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
