import { createHmac } from "node:crypto";
import { isSameSecret, localSecret } from "../local-secret";

/**
 * Signatures of the page-view tokens (the view ticket in an article page, the reader cookie):
 * HMAC-SHA256 under the site's view secret, first 22 base64url characters (132 bits). `purpose`
 * is signed with the payload, so a token of one kind never passes for another.
 */
export type SignaturePurpose = "view-ticket" | "reader";

const SIGNATURE_LENGTH = 22;

/**
 * The view secret: HERALD_VIEW_SECRET when set; otherwise random, made on first use and kept
 * beside the database (`view-secret`).
 */
export function viewSecret(): string {
  return localSecret("view-secret");
}

/** The signature of `payload` for `purpose` under `secret`. */
export function sign(purpose: SignaturePurpose, payload: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(`herald:${purpose}:${payload}`)
    .digest("base64url")
    .slice(0, SIGNATURE_LENGTH);
}

/** Whether `signature` is the signature of `payload` for `purpose`, compared in constant time. */
export function hasSignature(
  purpose: SignaturePurpose,
  payload: string,
  signature: string,
  secret: string,
): boolean {
  return isSameSecret(signature, sign(purpose, payload, secret));
}
